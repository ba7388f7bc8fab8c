// Catch2 entry point for the unit and cross-check tests.
#define CATCH_CONFIG_MAIN
// Catch2's main instantiates std::regex. Under -fsanitize=address, GCC 12 reports
// -Wmaybe-uninitialized inside the std::function members of std::regex's automaton states
// (a false positive in libstdc++, not in this project's code), and -Werror would make it fatal.
// The warning is silenced for this one include only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <catch2/catch.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

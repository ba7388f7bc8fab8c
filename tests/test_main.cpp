// Catch2 entry point for the unit and cross-check tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

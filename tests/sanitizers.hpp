// Whether the tests are built with a sanitizer, so the slowest cases can run smaller sizes there.
#pragma once

namespace lfsr::testing {

// GCC defines __SANITIZE_ADDRESS__ / __SANITIZE_THREAD__; clang answers through __has_feature.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool under_sanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr bool under_sanitizer = true;
#else
inline constexpr bool under_sanitizer = false;
#endif
#else
inline constexpr bool under_sanitizer = false;
#endif

}  // namespace lfsr::testing

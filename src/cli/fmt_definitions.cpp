// fmt's compiled functions, built into the program instead of loaded from libfmt.so: libfmt.so
// would load the shared C++ runtime, which the program links statically (docs/benchmarks.md,
// "Start-up"). The definitions are fmt's own (format-inl.h); the explicit instantiations are those
// that format.h declares `extern template` and those the program calls, as fmt's format.cc has them.
#include <fmt/format.h>

#if FMT_VERSION / 10000 != 9
#error "fmt_definitions.cpp instantiates what fmt 9's format.h declares extern: check it against this fmt"
#endif

#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;
template auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template auto thousands_sep_impl<wchar_t>(locale_ref) -> thousands_sep_result<wchar_t>;
template auto decimal_point_impl(locale_ref) -> char;
template auto decimal_point_impl(locale_ref) -> wchar_t;

}  // namespace detail
FMT_END_NAMESPACE

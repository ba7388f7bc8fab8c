// The two kinds of batch register behind one interface: what the batch machinery asks of either.
#include "many/batch_register.hpp"

#include <fmt/format.h>

#include "report/run_info.hpp"

namespace lfsr {

namespace {

const Field& gf2() {
  static const Field field = Field::from_order(2);
  return field;
}

}  // namespace

const Field& BatchRegister::field() const {
  if (const Lfsr* linear = lfsr()) return linear->field();
  return gf2();
}

int BatchRegister::bits() const {
  if (const Lfsr* linear = lfsr()) return linear->degree();
  return feedback()->bits();
}

mpz_class BatchRegister::states() const {
  mpz_class states;
  mpz_ui_pow_ui(states.get_mpz_t(), field().q(), static_cast<unsigned long>(bits()));
  return states;
}

Transition BatchRegister::transition() const {
  if (const Lfsr* linear = lfsr()) return linear_map_of(*linear);
  return *feedback();
}

RunInfo BatchRegister::run_info() const {
  if (const Lfsr* linear = lfsr()) return register_run_info(*linear);
  RunInfo run;
  run.field = gf2();
  run.bits = feedback()->bits();
  run.form = "fibonacci";
  run.input = "feedback";  // and no polynomial
  run.feedback = feedback()->to_string();
  run.invertible = feedback()->is_invertible();
  return run;
}

std::string BatchRegister::text() const {
  if (const Lfsr* linear = lfsr()) return linear->polynomial.to_string();
  return fmt::format("{}{}:{}", feedback_line_prefix, feedback()->bits(), feedback()->to_string());
}

bool operator==(const BatchRegister& a, const BatchRegister& b) {
  if (a.lfsr() && b.lfsr()) return a.lfsr()->polynomial == b.lfsr()->polynomial && a.lfsr()->form == b.lfsr()->form;
  if (a.feedback() && b.feedback()) return *a.feedback() == *b.feedback();
  return false;
}

}  // namespace lfsr

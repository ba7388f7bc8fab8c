# Sourced by the bench scripts: random_batch FILE writes the batch they time, 10,000 random monic
# polynomials of degree 10 over GF(2), from a fixed seed: the same file every time.
random_batch() {
  local i e poly
  RANDOM=2024
  for ((i = 0; i < 10000; i++)); do
    poly="x^10"
    for ((e = 9; e >= 0; e--)); do ((RANDOM % 2)) && poly+="+x^$e"; done
    echo "$poly"
  done >"$1"
}

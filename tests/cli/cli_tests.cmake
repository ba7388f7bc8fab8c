# CLI tests: run the real lfsr-analyze binary and check its exit code, stderr and stdout.
# Each bad input must end with its documented exit code and one stderr line, never a signal.
set(LFSR_CLI_TEST_DIR ${CMAKE_CURRENT_LIST_DIR})

add_executable(lfsr_json_check ${LFSR_CLI_TEST_DIR}/json_check.cpp)
target_link_libraries(lfsr_json_check PRIVATE nlohmann_json::nlohmann_json)
lfsr_warnings(lfsr_json_check)

# lfsr_cli_rejects(<test name> <exit code> <stderr substring> <args>...)
function(lfsr_cli_rejects name code message)
  add_test(NAME "${name}"
           COMMAND bash ${LFSR_CLI_TEST_DIR}/expect_failure.sh $<TARGET_FILE:lfsr-analyze> ${code} "${message}" ${ARGN})
  set_tests_properties("${name}" PROPERTIES LABELS cli TIMEOUT 60)
endfunction()

# lfsr_cli_prints(<test name> <stdout regex> <args>...)
function(lfsr_cli_prints name pattern)
  add_test(NAME "${name}"
           COMMAND bash ${LFSR_CLI_TEST_DIR}/expect_output.sh $<TARGET_FILE:lfsr-analyze> "${pattern}" ${ARGN})
  set_tests_properties("${name}" PROPERTIES LABELS cli TIMEOUT 60)
endfunction()

# lfsr_cli_json(<test name> <args>... -- <checks>...): see json_check.cpp for the checks (= equal, ~ contains).
function(lfsr_cli_json name)
  add_test(NAME "${name}"
           COMMAND bash ${LFSR_CLI_TEST_DIR}/expect_json.sh $<TARGET_FILE:lfsr-analyze> $<TARGET_FILE:lfsr_json_check>
                   ${ARGN})
  set_tests_properties("${name}" PROPERTIES LABELS cli TIMEOUT 60)
endfunction()

# lfsr_cli_script(<test name> <timeout seconds> <command>...): a test script of its own.
function(lfsr_cli_script name timeout)
  add_test(NAME "${name}" COMMAND ${ARGN})
  set_tests_properties("${name}" PROPERTIES LABELS cli TIMEOUT ${timeout})
endfunction()

# Polynomial text.
lfsr_cli_rejects("rejects a polynomial with a missing exponent" 2 "missing exponent" --poly "x^^2+1")
lfsr_cli_rejects("rejects a polynomial with a dangling operator" 2 "dangling '+'" --poly "x^3+x+")
lfsr_cli_rejects("rejects a polynomial with an unknown character" 2 "unexpected 'y'" --poly "x^3+y+1")
lfsr_cli_rejects("rejects a non-monic polynomial" 2 "is not monic" --field 3 --poly "2*x^3+x+1")
lfsr_cli_rejects("rejects a polynomial of degree 0" 2 "has degree 0" --poly 1)
lfsr_cli_rejects("rejects an exponent above the parser's limit" 2 "exponent 100001 is above the limit"
                 --poly "x^100001+1")
lfsr_cli_rejects("rejects an exponent that overflows 64 bits" 2 "is above the limit"
                 --poly "x^99999999999999999999+1")
lfsr_cli_rejects("rejects a hex polynomial over GF(3)" 2 "only accepted over GF(2)" --field 3 --poly 0x1053)
lfsr_cli_rejects("rejects a bad hex digit" 2 "'G' at column 5 is not a hex digit" --poly 0x12G3)
lfsr_cli_rejects("rejects a hex polynomial without digits" 2 "has no digits" --poly 0x)
lfsr_cli_rejects("rejects --poly without a value" 2 "--poly: 1 required P missing" --poly)

# --bits.
lfsr_cli_rejects("rejects --bits that does not match the degree of --poly" 2
                 "--bits 10 does not match the degree 12 of x^12+x^6+x^4+x+1" --bits 10 --poly "x^12+x^6+x^4+x+1")
lfsr_cli_rejects("rejects --bits that does not match the degree of --taps" 2
                 "--bits 11 does not match the degree 12" --bits 11 --taps 12,6,4,1)
lfsr_cli_rejects("rejects --bits 0" 2 "--bits: 0 is below the minimum 1" --bits 0)
lfsr_cli_rejects("rejects --bits -1" 2 "--bits: -1 is below the minimum 1" --bits -1)
lfsr_cli_rejects("rejects --bits abc" 2 "--bits: 'abc' is not a whole number" --bits abc)
# Regression pin of the search's rule; FLINT proves it primitive (test_default_polynomials_flint.cpp).
lfsr_cli_json("finds a primitive polynomial of degree 1000 beyond the built-in table" --bits 1000 --format json --
              "method=\"algebraic\"" "maximal_length=true" "polynomial=\"x^1000+x^16+x^3+x^2+1\"")
lfsr_cli_json("takes x+1 for --bits 1" --bits 1 --format json -- "polynomial=\"x+1\"" "maximal_length=true")
lfsr_cli_json("picks a primitive polynomial over GF(3) for --bits alone" --bits 12 --field 3 --format json --
              "maximal_length=true" "max_cycle_length=531440")
lfsr_cli_rejects("rejects --bits given twice" 2 "--bits: At Most 1 required but received 2" --bits 4 --bits 5)

# --field.
lfsr_cli_rejects("rejects field order 12, not a prime power" 2 "field order 12 is not a prime power" --field 12 --bits 3)
lfsr_cli_rejects("rejects field order 6, not a prime" 2 "field order 6 is not a prime" --field 6 --poly "x^2+1")
lfsr_cli_rejects("rejects field order 1" 2 "field order 1 is not a prime" --field 1 --poly "x^2+1")
lfsr_cli_rejects("rejects field order 0" 2 "field order 0 is not a prime" --field 0 --poly "x^2+1")
lfsr_cli_rejects("rejects field order 65537, above the maximum" 2 "field order 65537" --field 65537 --poly "x^2+1")
lfsr_cli_rejects("rejects field order abc" 2 "--field: 'abc' is not a whole number" --field abc --poly "x^2+1")
lfsr_cli_rejects("rejects a negative field order" 2 "--field: -3 is below the minimum 0" --field -3 --poly "x^2+1")
lfsr_cli_rejects("reads --field 010 as ten, not as octal eight" 2 "field order 10 is not a prime"
                 --field 010 --poly "x^2+1")

# --poly and --taps.
lfsr_cli_rejects("rejects --poly and --taps together" 2 "--poly excludes --taps" --poly "x^2+x+1" --taps 2,1)
# An empty argument, which a function's ${ARGN} would drop: add_test directly.
add_test(NAME "rejects an empty tap list"
         COMMAND bash ${LFSR_CLI_TEST_DIR}/expect_failure.sh $<TARGET_FILE:lfsr-analyze> 2 "empty tap list" --taps "")
set_tests_properties("rejects an empty tap list" PROPERTIES LABELS cli TIMEOUT 60)
lfsr_cli_rejects("rejects a tap list with a repeated entry" 2 "entry 12 is repeated" --taps 12,12)
lfsr_cli_rejects("rejects a tap list that is not decreasing" 2 "strictly decreasing" --taps 4,6)
lfsr_cli_rejects("rejects tap 0, the implied constant term" 2 "entry 0 is not allowed" --taps 0)
lfsr_cli_rejects("rejects a tap list with an empty entry" 2 "entry 2 is empty" --taps 12,,1)
lfsr_cli_rejects("rejects a tap list with a word in it" 2 "is not a number" --taps a,b)

# The other options.
lfsr_cli_rejects("rejects an unknown form" 2 "--form: fib not in {fibonacci,galois}" --bits 4 --form fib)
lfsr_cli_rejects("rejects an unknown format" 2 "--format: xml not in {text,json,csv,dot}" --bits 4 --format xml)
lfsr_cli_rejects("rejects an unknown mode" 2 "--mode: parallel not in {seq,threads,fork,auto}" --bits 4 --mode parallel)
lfsr_cli_rejects("rejects --chunk 0" 2 "--chunk: 0 is below the minimum 1" --bits 4 --chunk 0)
lfsr_cli_rejects("rejects --chunk abc" 2 "--chunk: 'abc' is not a whole number" --bits 4 --chunk abc)
lfsr_cli_rejects("rejects --repeat 0" 2 "--repeat: 0 is below the minimum 1" --bits 4 --compare --repeat 0)
lfsr_cli_rejects("rejects --progress with --no-progress" 2 "excludes" --bits 4 --progress --no-progress)
lfsr_cli_rejects("rejects --workers 0" 2 "--workers: 0 is below the minimum 1" --bits 4 --workers 0)
lfsr_cli_rejects("rejects --workers -1" 2 "--workers: -1 is below the minimum 1" --bits 4 --workers -1)
lfsr_cli_rejects("rejects --workers abc" 2 "--workers: 'abc' is not a whole number" --bits 4 --workers abc)
lfsr_cli_rejects("rejects --workers 99999" 2 "--workers: 99999 is above the maximum 1024" --bits 4 --workers 99999)
lfsr_cli_rejects("rejects --max-memory lots" 2 "--max-memory: 'lots' is not a size" --bits 4 --max-memory lots)
lfsr_cli_rejects("rejects --max-memory with an unknown suffix" 2 "'12X' is not a size" --bits 4 --max-memory 12X)
lfsr_cli_rejects("rejects --max-memory 1.5G" 2 "'1.5G' is not a size" --bits 4 --max-memory 1.5G)
lfsr_cli_rejects("rejects --max-memory 0" 2 "size 0 leaves no memory at all" --bits 4 --max-memory 0)
lfsr_cli_rejects("rejects --max-memory beyond 64 bits" 2 "size 99999999999T is too large"
                 --bits 4 --max-memory 99999999999T)
lfsr_cli_rejects("rejects an unknown option" 2 "--frobnicate" --bits 4 --frobnicate)
lfsr_cli_rejects("rejects a stray positional argument" 2 "not expected: 12" 12)
lfsr_cli_rejects("rejects a run with no arguments at all" 2 "no register given")

# Runs that do not fit.
lfsr_cli_rejects("refuses a run larger than --max-memory" 3 "more than the 1.0 KiB allowed by --max-memory 1K"
                 --bits 20 --max-memory 1K)
# A run small enough to skip reading the system's limits (memory_check.cpp) still answers to --max-memory.
lfsr_cli_rejects("refuses a small run larger than --max-memory" 3 "more than the 1.0 KiB allowed by --max-memory 1K"
                 --bits 8 --method enumerate --max-memory 1K)
lfsr_cli_rejects("refuses a state space of 65521^10 states" 3
                 "state space of 65521^10 states is too large to enumerate" --field 65521 --poly "x^10+1" --method enumerate)
lfsr_cli_rejects("refuses a state space of 2^100000 states before building it" 3
                 "state space of 2^100000 states is too large" --poly "x^100000+1" --method enumerate)
lfsr_cli_rejects("refuses to enumerate 2^64 states from the default table" 3 "state space of 2^64 states" --bits 64
                 --method enumerate)

# Runs that work.
lfsr_cli_prints("finds the one cycle of 4095 states for --bits 12" "^ +4095 +1 +4095 +1$" --bits 12)
lfsr_cli_prints("says --bits 12 is maximal length" "^maximal length +yes$" --bits 12)
lfsr_cli_prints("says x^4+1 is not maximal length" "^maximal length +no$" --poly "x^4+1")
lfsr_cli_prints("reduces coefficients modulo p: x^2+5*x+1 over GF(3)" "x\\^2\\+2\\*x\\+1" --field 3 --poly "x^2+5*x+1")
lfsr_cli_prints("reads hex 0x1053 as x^12+x^6+x^4+x+1" "x\\^12\\+x\\^6\\+x\\^4\\+x\\+1" --poly 0x1053)
lfsr_cli_prints("reports the transient states of a singular register" "^transient states +6$" --poly "x^3+x^2")
lfsr_cli_prints("reports the longest tail of a singular register" "^longest tail +2$" --poly "x^3+x^2")
lfsr_cli_prints("runs a galois register over GF(5)" "^ +624 +1 +624 +1$" --field 5 --poly "x^4+x^2+2*x+2" --form galois)
string(REPLACE "." "\\." lfsr_version_pattern "${PROJECT_VERSION}")
lfsr_cli_prints("prints the version" "^lfsr-analyze ${lfsr_version_pattern}$" --version)
lfsr_cli_prints("prints usage examples with --help" "lfsr-analyze --taps 12,6,4,1" --help)

lfsr_cli_json("prints --bits 12 as JSON with the one 4095 cycle" --bits 12 --format json --
              "maximal_length=true" "states=4096" "cycles~[{\"length\":1,\"count\":1},{\"length\":4095,\"count\":1}]"
              "total_cycles=2" "fixed_points=1" "max_cycle_length=4095" "bits=12" "polynomial=\"x^12+x^6+x^4+x+1\"")
lfsr_cli_json("prints every key of the JSON contract" --bits 6 --format json --
              "schema_version=1" "field={\"q\":2,\"p\":2,\"k\":1,\"modulus\":null}" bits polynomial "form=\"fibonacci\""
              "input=\"polynomial\"" "method=\"enumerate\""
              "mode=\"seq\"" workers states cyclic_states transient_states max_tail cycles total_cycles fixed_points
              max_cycle_length maximal_length seconds)
lfsr_cli_json("reports the one worker seq mode uses whatever --workers says" --bits 8 --workers 8 --format json --
              "workers=1" "mode=\"seq\"")
lfsr_cli_json("prints the cycles of x^4+1 in JSON" --poly "x^4+1" --format json --
              "cycles~[{\"length\":1,\"count\":2},{\"length\":2,\"count\":1},{\"length\":4,\"count\":3}]"
              "maximal_length=false")
lfsr_cli_json("prints the transient part of x^3+x^2 in JSON" --poly "x^3+x^2" --format json --
              "cyclic_states=2" "transient_states=6" "max_tail=2" "fixed_points=2")

# Parallel modes and --compare.
lfsr_cli_json("runs --bits 12 with 8 forked workers" --bits 12 --workers 8 --mode fork --format json --
              "mode=\"fork\"" "workers=8" "maximal_length=true" "cycles~[{\"length\":1,\"count\":1},{\"length\":4095,\"count\":1}]")
lfsr_cli_json("runs x^14+1 by threads in small chunks" --poly "x^14+1" --mode threads --workers 3 --chunk 100 --format json --
              "mode=\"threads\"" "workers=3" "total_cycles=1182")
lfsr_cli_json("runs a singular register by forked workers" --poly "x^16+x^15+x^3+x^2" --mode fork --workers 2 --chunk 1000
              --format json -- "mode=\"fork\"" "max_tail=2" "transient_states=49152")
lfsr_cli_json("auto runs a small register sequentially" --bits 10 --workers 4 --format json -- "mode=\"seq\"")
lfsr_cli_json("auto runs a large register in parallel with two workers" --bits 25 --method enumerate --workers 2 --format json --
              "mode=\"threads\"" "workers=2")
# One runner choice for single runs and many registers: auto counts a batch or scan as work past the
# threshold (threads with two workers, seq with one), and threads is taken as given, with one worker too.
lfsr_cli_json("auto runs a scan in parallel with two workers" --scan --bits 3 --summary --workers 2 --format json --
              "mode=\"threads\"" "workers=2")
lfsr_cli_json("auto runs a scan sequentially with one worker" --scan --bits 3 --summary --workers 1 --format json --
              "mode=\"seq\"" "workers=1")
lfsr_cli_json("a scan runs --mode threads as given with one worker" --scan --bits 3 --summary --mode threads --workers 1
              --format json -- "mode=\"threads\"" "workers=1")
lfsr_cli_json("a single run takes --mode threads as given with one worker" --bits 6 --mode threads --workers 1
              --format json -- "mode=\"threads\"" "workers=1")
lfsr_cli_json("compares the three modes in JSON" --bits 16 --workers 2 --compare --repeat 2 --format json --
              compare "maximal_length=true")
lfsr_cli_prints("compares the three modes in text" "^ +fork +2 " --bits 16 --workers 2 --compare --repeat 2)
lfsr_cli_script("--compare reports its warm-up runs and warns of each unstable mode" 60
                python3 ${LFSR_CLI_TEST_DIR}/compare_runs.py $<TARGET_FILE:lfsr-analyze>)
lfsr_cli_rejects("rejects --warmup 101" 2 "--warmup: 101 is above the maximum 100" --bits 4 --compare --warmup 101)
lfsr_cli_rejects("refuses --warmup without --compare" 2 "--warmup sets the untimed runs per mode of --compare"
                 --bits 4 --warmup 2)

# Faults: killed worker, killed parent, Ctrl-C, closed pipe (pgrep comes from procps).
add_test(NAME "a killed worker, a killed parent, Ctrl-C and a closed pipe leave nothing behind"
         COMMAND bash ${LFSR_CLI_TEST_DIR}/fault_tests.sh $<TARGET_FILE:lfsr-analyze> $<$<BOOL:${LFSR_SANITIZE}>:sanitized>)
set_tests_properties("a killed worker, a killed parent, Ctrl-C and a closed pipe leave nothing behind"
                     PROPERTIES LABELS cli TIMEOUT 120 RUN_SERIAL TRUE)
if(LFSR_SANITIZE)  # about a minute of enumeration under a sanitizer on two cores
  set_tests_properties("a killed worker, a killed parent, Ctrl-C and a closed pipe leave nothing behind"
                       PROPERTIES TIMEOUT 300)
endif()

# The algebraic method, --method both and --period-of.
lfsr_cli_rejects("rejects an unknown method" 2 "--method: guess not in {enumerate,algebraic,both,auto}" --bits 4 --method guess)
lfsr_cli_rejects("rejects --compare with --method algebraic" 2 "not with --method algebraic" --bits 8 --compare --method algebraic)
lfsr_cli_rejects("says so when no primitive polynomial can be proven" 3
                 "65536^64-1 = 2^1024-1 cannot be factored" --field 65536 --bits 64 --method algebraic)
lfsr_cli_rejects("rejects a state index that is not a number" 2 "--period-of: 'abc' is not a state index" --bits 8 --period-of abc)
lfsr_cli_rejects("rejects a state index beyond the state space" 2 "state 256 is out of range" --bits 8 --period-of 256)
lfsr_cli_rejects("says so when an order cannot be found" 3 "cannot factor 2^1687-1" --poly "x^2000+x^3+1")
lfsr_cli_json("finds the 2^127-1 cycle of --bits 127 algebraically" --bits 127 --method algebraic --format json --
              "method=\"algebraic\"" "maximal_length=true" "max_cycle_length=170141183460469231731687303715884105727"
              "states=170141183460469231731687303715884105728")
lfsr_cli_json("auto factors the polynomial beyond enumeration" --bits 64 --format json -- "method=\"algebraic\"" "maximal_length=true")
lfsr_cli_json("auto enumerates a small register" --bits 12 --format json -- "method=\"enumerate\"")
lfsr_cli_json("agrees with itself by both methods on a singular register" --poly "x^16+x^15+x^3+x^2" --method both --format json --
              "method=\"both\"" "max_tail=2" "transient_states=49152")
lfsr_cli_json("agrees with itself by both methods over GF(3)" --field 3 --poly "x^9+2*x^4+x+2" --method both --format json --
              "method=\"both\"")
lfsr_cli_json("agrees by both methods although they pick different representatives" --poly "x^6+x^3+1" --method both
              --format json -- "method=\"both\"" "total_cycles=8")
lfsr_cli_json("gives period 9 and tail 0 for the algebraic representative of x^6+x^3+1" --poly "x^6+x^3+1" --period-of 32
              --format json -- "period=9" "tail=0" "minimal_polynomial=\"x^6+x^3+1\"")
lfsr_cli_json("gives the period and tail of one state" --poly "x^8+x^4+x^3+x^2" --period-of 0x13 --format json --
              "state=19" "tail=2" "period=31" "minimal_polynomial=\"x^8+x^4+x^3+x^2\"")
# Closed formula: (1/100) sum_{d | 100} phi(d) 2^(100/d) necklaces.
lfsr_cli_json("counts the necklaces of x^100-1 exactly" --poly "x^100+1" --format json --
              "total_cycles=12676506002282305273966813560")
# Regression pins; FLINT derives the 31 lengths, 1601595281055 among them (test_cycle_lengths_flint.cpp).
lfsr_cli_prints("summarizes a long list of cycle lengths" "24 of 31 cycle lengths shown" --poly "x^200+x^5+1")
lfsr_cli_prints("lists every cycle length on request" "^ +1601595281055 " --poly "x^200+x^5+1" --all-cycles)

# Prime-power fields: --field q = p^k, --modulus, coefficients in a or as [n].
set(LFSR_MATRICES ${LFSR_CLI_TEST_DIR}/matrices)
lfsr_cli_json("analyzes x^3+a*x+1 over GF(4) by both methods" --field 4 --poly "x^3+a*x+1" --method both --format json --
              "field={\"q\":4,\"p\":2,\"k\":2,\"modulus\":\"a^2+a+1\"}" "polynomial=\"x^3+a*x+1\"" "states=64"
              "cycles~[{\"length\":1,\"count\":1},{\"length\":21,\"count\":3}]" "input=\"polynomial\"")
lfsr_cli_json("reads [n] coefficients and prints them in the a form" --field 9 --poly "x^2+[4]*x+[8]" --format json --
              "polynomial=\"x^2+(a+1)*x+2*a+2\"")
lfsr_cli_prints("names the field and its modulus in the text report" "^field GF\\(9\\) = GF\\(3\\)\\[a\\]/\\(a\\^2\\+2\\*a\\+2\\)$"
                --field 9 --poly "x^2+(a+1)*x+2*a+2")
lfsr_cli_json("takes another modulus with --modulus" --field 256 --modulus "a^8+a^4+a^3+a+1" --poly "x^2+a*x+1"
              --method both --format json -- "field={\"q\":256,\"p\":2,\"k\":8,\"modulus\":\"a^8+a^4+a^3+a+1\"}")
lfsr_cli_json("picks a primitive polynomial of degree 3 over GF(256)" --field 256 --bits 3 --format json --
              "maximal_length=true" "states=16777216" "method=\"enumerate\"")
lfsr_cli_json("picks a primitive polynomial of degree 20 over GF(9) and proves it algebraically" --field 9 --bits 20
              --method algebraic --format json -- "maximal_length=true" "max_cycle_length=12157665459056928800")
lfsr_cli_rejects("rejects an integer coefficient that is not below p over GF(4)" 2 "integer 3 is not below p = 2"
                 --field 4 --poly "x^3+3*x+1")
lfsr_cli_rejects("rejects an element number out of range" 2 "element [9] is out of range: GF(9) has elements [0]..[8]"
                 --field 9 --poly "x^2+[9]")
lfsr_cli_rejects("rejects a when the field is prime" 2 "GF(5) is a prime field" --field 5 --poly "x^2+a")
lfsr_cli_rejects("rejects an unclosed parenthesis" 2 "'(' is never closed" --field 4 --poly "x^2+(a+1")
lfsr_cli_rejects("rejects x inside parentheses" 2 "x cannot appear in a field element" --field 4 --poly "x^2+(a+1*x")
lfsr_cli_rejects("rejects a reducible modulus" 2 "modulus a^2+1 is reducible over GF(2)" --field 4 --modulus "a^2+1"
                 --bits 3)
lfsr_cli_rejects("rejects a modulus of the wrong degree" 2 "needs an irreducible polynomial of degree 3" --field 8
                 --modulus "a^2+a+1" --bits 3)
lfsr_cli_rejects("rejects --modulus over a prime field" 2 "GF(7) is a prime field" --field 7 --modulus "a+1" --bits 3)
lfsr_cli_rejects("rejects field order 65537" 2 "field order 65537 is larger than the maximum 65536" --field 65537 --bits 3)

# --matrix: any linear map v -> A v.
lfsr_cli_json("finds the 14 necklaces of a cyclic shift matrix" --matrix ${LFSR_MATRICES}/cyclic_shift_6.txt --method both
              --format json -- "input=\"matrix\"" "form=null" "polynomial=\"x^6+1\"" "total_cycles=14" "bits=6")
lfsr_cli_json("analyzes rule 90 on 8 cells by both methods" --matrix ${LFSR_MATRICES}/rule90_8.txt --method both
              --format json -- "input=\"matrix\"" "states=256")
lfsr_cli_json("finds the transient tree of a nilpotent matrix" --matrix ${LFSR_MATRICES}/nilpotent_4.txt --method both
              --format json -- "polynomial=\"x^4\"" "cycles~[{\"length\":1,\"count\":1}]" "transient_states=15"
              "max_tail=4")
lfsr_cli_json("gives a GF(4) companion matrix the result of its polynomial" --field 4
              --matrix ${LFSR_MATRICES}/gf4_companion.txt --method both --format json --
              "polynomial=\"x^3+a*x+1\"" "cycles~[{\"length\":1,\"count\":1},{\"length\":21,\"count\":3}]")
lfsr_cli_json("gives the period of one state of a matrix map" --matrix ${LFSR_MATRICES}/nilpotent_4.txt --period-of 8
              --format json -- "tail=4" "period=1")
lfsr_cli_prints("reports a matrix run in text" "^GF\\(2\\) linear map v -> A v, A of size 6 x 6, characteristic polynomial x\\^6\\+1$"
                --matrix ${LFSR_MATRICES}/cyclic_shift_6.txt)
lfsr_cli_rejects("rejects a ragged matrix" 2 "matrix line 2: row 2 has 2 entries, expected 3" --matrix ${LFSR_MATRICES}/ragged.txt)
lfsr_cli_rejects("rejects a matrix that is not square" 2 "after 2 rows of 3 entries: it must be square"
                 --matrix ${LFSR_MATRICES}/not_square.txt)
lfsr_cli_rejects("rejects a matrix entry out of range" 2 "matrix line 2, entry 2: element \"2\" is out of range"
                 --matrix ${LFSR_MATRICES}/out_of_range.txt)
lfsr_cli_rejects("rejects a missing matrix file" 2 "cannot read matrix file" --matrix ${LFSR_MATRICES}/no_such_file.txt)
lfsr_cli_rejects("rejects --form with --matrix" 2 "--form applies to registers" --matrix ${LFSR_MATRICES}/rule90_8.txt
                 --form galois)
lfsr_cli_rejects("rejects --matrix with --poly" 2 "--poly excludes --matrix" --matrix ${LFSR_MATRICES}/rule90_8.txt
                 --poly "x^2+x+1")
lfsr_cli_script("reads a matrix from standard input" 60
                bash -c "\"$1\" --matrix - --format json < \"$2\" | grep -q '\"total_cycles\": 14'" bash $<TARGET_FILE:lfsr-analyze> ${LFSR_MATRICES}/cyclic_shift_6.txt)

# --batch and --scan.
set(LFSR_BATCHES ${LFSR_CLI_TEST_DIR}/batches)
foreach(run IN ITEMS "seq;2;120" "threads;3;100" "fork;4;100" "fork;9;40")
  list(GET run 0 mode)
  list(GET run 1 q)
  list(GET run 2 count)
  add_test(NAME "batch lines over GF(${q}) by ${mode} equal their single runs"
           COMMAND bash ${LFSR_CLI_TEST_DIR}/batch_equals_single.sh $<TARGET_FILE:lfsr-analyze> ${mode} ${q} ${count})
  set_tests_properties("batch lines over GF(${q}) by ${mode} equal their single runs" PROPERTIES LABELS cli TIMEOUT 120)
endforeach()
add_test(NAME "a malformed batch line becomes an error line and exit code 2, the others are done"
         COMMAND bash -c [=[
out=$("$1" --batch "$2" --format json --mode fork --workers 2); code=$?
[[ $code == 2 ]] || { echo "exit code $code"; exit 1; }
[[ $(wc -l <<<"$out") == 6 ]] || { echo "$out"; exit 1; }
grep -q '^{"line":7,"error":"cannot parse polynomial \\"x^3+y+1\\": unexpected' <<<"$out" || { echo "$out"; exit 1; }
[[ $(grep -c '"maximal_length":true' <<<"$out") == 3 ]] || { echo "$out"; exit 1; }
grep -q '^{"line":8,.*"transient_states":24' <<<"$out" || { echo "$out"; exit 1; }
]=] bash $<TARGET_FILE:lfsr-analyze> ${LFSR_BATCHES}/mixed.txt)
set_tests_properties("a malformed batch line becomes an error line and exit code 2, the others are done"
                     PROPERTIES LABELS cli TIMEOUT 60)
lfsr_cli_script("reads a batch from standard input and prints a table" 60
                bash -c [=[printf 'x^4+x+1\nx^4+1\n' | "$1" --batch - | grep -q '^ *2 *6 *4 *no ']=] bash $<TARGET_FILE:lfsr-analyze>)
# A batch line is trimmed as --poly is: of any white space (form feed and vertical tab too), so a
# line of only white space is blank and a taps: line may be indented by any of it.
lfsr_cli_script("skips a batch line of any white space and reads an indented taps: line" 60
                bash -c [=[printf 'x^4+x+1\n\f \v\n\v\ttaps:4,1\f\n' | "$1" --batch - --format csv | cut -d, -f1,2 |
                           tr '\n' ' ' | grep -qx 'line,polynomial 1,x^4+x+1 3,x^4+x+1 ']=] bash $<TARGET_FILE:lfsr-analyze>)
# Closed formulas: phi(q^N - 1)/N maximal length, (1/N) sum_{d | N} mu(d) q^(N/d) irreducible, q^(N-1) singular.
lfsr_cli_json("scans degree 8 over GF(2): 16 maximal length, 30 irreducible" --scan --bits 8 --summary --format json --
              "registers=256" "maximal_length=16" "irreducible=30" "singular=128" "errors=0" "scan=\"all\"")
lfsr_cli_json("scans degree 16 over GF(2) algebraically: 2048 maximal length" --scan --bits 16 --summary
              --method algebraic --format json -- "registers=65536" "maximal_length=2048" "irreducible=4080")
lfsr_cli_json("scans degree 4 over GF(3): 8 maximal length" --scan --bits 4 --field 3 --summary --format json --
              "registers=81" "maximal_length=8" "irreducible=18")
lfsr_cli_json("scans only the nonsingular polynomials" --scan --bits 8 --nonsingular --summary --mode fork --workers 2
              --format json -- "registers=128" "singular=0" "maximal_length=16" "scan=\"nonsingular\"")
lfsr_cli_rejects("rejects --scan without --bits" 2 "--scan needs --bits" --scan)
lfsr_cli_rejects("rejects --nonsingular without --scan" 2 "--nonsingular requires --scan" --bits 4 --nonsingular)
lfsr_cli_rejects("rejects --batch with --poly" 2 "--poly excludes --batch" --batch ${LFSR_BATCHES}/mixed.txt --poly "x^2+x+1")
lfsr_cli_rejects("rejects a missing batch file" 2 "cannot read batch file" --batch ${LFSR_BATCHES}/no_such_file.txt)
lfsr_cli_rejects("refuses a scan of more than 2^32 registers" 3 "the 2^33 polynomials of degree 33 over GF(2) is too large"
                 --scan --bits 33)

# --shard I/N: contiguous parts of a scan or batch; --merge of the parts prints the whole run's output.
lfsr_cli_script("shard parts 1..N of a degree-8 scan over GF(2) merge into the whole scan" 120
                bash ${LFSR_CLI_TEST_DIR}/shard_merge.sh $<TARGET_FILE:lfsr-analyze>
                ${LFSR_CLI_TEST_DIR}/json_without_timing.py --scan --bits 8)
lfsr_cli_script("shard parts 1..N of a degree-4 scan over GF(3) merge into the whole scan" 120
                bash ${LFSR_CLI_TEST_DIR}/shard_merge.sh $<TARGET_FILE:lfsr-analyze>
                ${LFSR_CLI_TEST_DIR}/json_without_timing.py --scan --bits 4 --field 3)
lfsr_cli_script("shard parts 1..N of a nonsingular scan by fork and threads merge into the whole scan" 120
                bash ${LFSR_CLI_TEST_DIR}/shard_merge.sh $<TARGET_FILE:lfsr-analyze>
                ${LFSR_CLI_TEST_DIR}/json_without_timing.py --alternate-modes --scan --bits 5 --nonsingular)
lfsr_cli_script("a summary of many small tasks is the one of few large tasks, for scans and a batch with bad lines" 120
                bash ${LFSR_CLI_TEST_DIR}/summary_chunks.sh $<TARGET_FILE:lfsr-analyze>
                ${LFSR_CLI_TEST_DIR}/json_without_timing.py)
lfsr_cli_json("shard 2/3 of a degree-8 scan covers 85 of its 256 registers" --scan --bits 8 --shard 2/3 --summary --format json --
              "registers=85" "shard~{\"index\":2,\"count\":3,\"first_line\":86,\"last_line\":170,\"exit_code\":0}")
lfsr_cli_json("a shard past the end of a small scan is empty" --scan --bits 1 --shard 1/5 --summary --format json --
              "registers=0" "errors=0")
lfsr_cli_rejects("rejects --shard without --scan, --batch or --search-nlfsr" 2
                 "--shard runs a part of a --scan, --batch or --search-nlfsr"
                 --bits 4 --shard 1/2)
lfsr_cli_rejects("rejects --shard of a batch on standard input" 2 "not standard input" --batch - --shard 1/2)
lfsr_cli_script("shard parts 1..N of a batch with bad lines merge into the whole batch" 120
                bash ${LFSR_CLI_TEST_DIR}/shard_merge.sh $<TARGET_FILE:lfsr-analyze>
                ${LFSR_CLI_TEST_DIR}/json_without_timing.py --batch ${LFSR_BATCHES}/mixed.txt --mode fork --workers 2)
lfsr_cli_script("shard parts 1..N of a batch of cycles beyond 64 bits merge into the whole batch, numbers exact" 120
                bash ${LFSR_CLI_TEST_DIR}/shard_merge.sh $<TARGET_FILE:lfsr-analyze>
                ${LFSR_CLI_TEST_DIR}/json_without_timing.py --batch ${LFSR_BATCHES}/long_cycles.txt)
# add_test itself: the script's semicolons would split it as an argument of a function.
add_test(NAME "shard parts 1..N of a batch end where a line past the bound ends the whole batch" COMMAND bash -c [=[
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
{ echo "x^3+x+1"; head -c 4194305 /dev/zero | tr '\0' x; echo; echo "x^4+x+1"; } >"$work/long.txt"
bash "$2" "$1" "$3" --batch "$work/long.txt"
]=] bash $<TARGET_FILE:lfsr-analyze> ${LFSR_CLI_TEST_DIR}/shard_merge.sh ${LFSR_CLI_TEST_DIR}/json_without_timing.py)
set_tests_properties("shard parts 1..N of a batch end where a line past the bound ends the whole batch"
                     PROPERTIES LABELS cli TIMEOUT 120)
lfsr_cli_script("merge refuses missing, duplicated, foreign, mixed, cut and unreadable parts" 120
                bash ${LFSR_CLI_TEST_DIR}/merge_refusals.sh $<TARGET_FILE:lfsr-analyze> ${LFSR_CLI_TEST_DIR}/expect_failure.sh)
# Nonlinear feedback registers as batch lines, feedback:N:F.
lfsr_cli_script("feedback batch lines equal their single runs in every mode, JSON, CSV, text and summary" 120
                python3 ${LFSR_CLI_TEST_DIR}/batch_feedback.py $<TARGET_FILE:lfsr-analyze> ${LFSR_BATCHES}/feedback.txt 3)
lfsr_cli_script("shard parts 1..N of a batch with feedback lines merge into the whole batch" 120
                bash ${LFSR_CLI_TEST_DIR}/shard_merge.sh $<TARGET_FILE:lfsr-analyze>
                ${LFSR_CLI_TEST_DIR}/json_without_timing.py --alternate-modes --batch ${LFSR_BATCHES}/feedback.txt)
if(NOT LFSR_SANITIZE)
  lfsr_cli_script("feedback batch lines of 2^23 states, chunked over the workers, equal their single runs" 120
                  python3 ${LFSR_CLI_TEST_DIR}/batch_feedback.py $<TARGET_FILE:lfsr-analyze>
                  ${LFSR_BATCHES}/feedback_large.txt 1)
endif()
lfsr_cli_script("shard parts name one run, whatever their runner, and another for other options or batch bytes" 60
                bash ${LFSR_CLI_TEST_DIR}/run_identity.sh $<TARGET_FILE:lfsr-analyze>)
lfsr_cli_rejects("rejects --shard 0/3" 2 "the part I must be between 1 and N = 3" --scan --bits 4 --shard 0/3)
lfsr_cli_rejects("rejects --shard 4/3" 2 "the part I must be between 1 and N = 3" --scan --bits 4 --shard 4/3)
lfsr_cli_rejects("rejects --shard 1/0" 2 "the number of parts N must be between 1 and 2^32" --scan --bits 4 --shard 1/0)
lfsr_cli_rejects("rejects --shard without a slash" 2 "--shard takes I/N" --scan --bits 4 --shard 2)
lfsr_cli_rejects("rejects --shard with a sign" 2 "--shard takes I/N" --scan --bits 4 --shard +1/2)

# --sequence: the shortest register that generates a sequence (Berlekamp-Massey), then its analysis.
lfsr_cli_json("recovers x^4+x+1 from 16 bits of its output" --sequence 0001001101011110 --format json --
              "polynomial=\"x^4+x+1\"" "linear_complexity=4" "sequence_length=16" "unique=true" "input=\"sequence\""
              "maximal_length=true")
lfsr_cli_json("recovers a register over GF(3) from elements separated by commas" --field 3
              --sequence "1,0,0,1,1,0,0,0,1,1,2,0,2,1,2,1" --format json -- "linear_complexity=8" "sequence_length=16")
lfsr_cli_json("reads a sequence file and gives the linear complexity profile"
              --sequence-file ${LFSR_CLI_TEST_DIR}/sequences/m4.txt --profile --format json --
              "linear_complexity=4" "profile=[1,1,1,1,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4]")
lfsr_cli_json("gives linear complexity 0 for all zeros" --sequence "0 0 0 0 0" --format json --
              "linear_complexity=0" "polynomial=null" "bits=0")
lfsr_cli_json("gives linear complexity n + 1 for n zeros and a one" --sequence "0 0 0 1 0 0 0 0" --format json --
              "linear_complexity=4" "polynomial=\"x^4\"")
add_test(NAME "warns when the sequence is shorter than 2L"
         COMMAND bash -c [=[
err=$("$1" --sequence "0 0 0 0 0 0 0 1" 2>&1 >/dev/null) || exit 1
[[ $err == "lfsr-analyze: warning: the sequence has 8 elements, fewer than 2L = 16: other registers of length 8 generate it too" ]] || { echo "$err"; exit 1; }
]=] bash $<TARGET_FILE:lfsr-analyze>)
set_tests_properties("warns when the sequence is shorter than 2L" PROPERTIES LABELS cli TIMEOUT 60)
lfsr_cli_rejects("rejects a sequence element out of range" 2 "sequence element 3 (line 1): element \"2\" is out of range"
                 --sequence "0 1 2 1")
lfsr_cli_rejects("rejects an empty sequence" 2 "empty sequence" --sequence " ")
lfsr_cli_rejects("rejects --sequence with --poly" 2 "--poly excludes --sequence" --sequence 0101 --poly "x^2+x+1")

# Review fixes: hostile nesting, the zero state, memory and write failures in batches.
add_test(NAME "rejects parentheses nested beyond the limit instead of overflowing the stack"
         COMMAND bash -c [=[
p="x^4+$(printf '(%.0s' {1..20000})1$(printf ')%.0s' {1..20000})"
err=$("$1" --field 4 --poly "$p" 2>&1 >/dev/null); code=$?
[[ $code == 2 && $err == *"parentheses nested deeper than 64"* ]] || { echo "exit $code: $err"; exit 1; }
]=] bash $<TARGET_FILE:lfsr-analyze>)
set_tests_properties("rejects parentheses nested beyond the limit instead of overflowing the stack"
                     PROPERTIES LABELS cli TIMEOUT 60)
lfsr_cli_json("gives the zero state period 1 and minimal polynomial 1" --poly "x^4+x+1" --period-of 0 --format json --
              "period=1" "tail=0" "minimal_polynomial=\"1\"")
lfsr_cli_json("gives the zero state of a matrix map period 1" --matrix ${LFSR_MATRICES}/nilpotent_4.txt --period-of 0
              --format json -- "period=1" "minimal_polynomial=\"1\"")
add_test(NAME "a batch register too large for --max-memory fails alone with exit code 3"
         COMMAND bash -c [=[
out=$(printf 'x^4+x+1\nx^34+x^27+x^2+x+1\nx^3+x+1\n' | "$1" --batch - --method enumerate --max-memory 1K --format json)
code=$?
[[ $code == 3 && $(wc -l <<<"$out") == 3 ]] || { echo "exit $code: $out"; exit 1; }
grep -q '^{"line":2,"error":"enumerating 2^34 states needs' <<<"$out" || { echo "$out"; exit 1; }
]=] bash $<TARGET_FILE:lfsr-analyze>)
set_tests_properties("a batch register too large for --max-memory fails alone with exit code 3"
                     PROPERTIES LABELS cli TIMEOUT 60)
# A script with ';', which a function's ${ARGN} would split: add_test directly.
add_test(NAME "output that cannot be written ends with exit code 5"
         COMMAND bash -c [=[
"$1" --bits 10 >/dev/full 2>/dev/null; a=$?
"$1" --scan --bits 8 --format json >/dev/full 2>/dev/null; b=$?
[[ $a == 5 && $b == 5 ]] || { echo "exit codes $a $b"; exit 1; }
]=] bash $<TARGET_FILE:lfsr-analyze>)
set_tests_properties("output that cannot be written ends with exit code 5" PROPERTIES LABELS cli TIMEOUT 60)
lfsr_cli_rejects("rejects --chunk with --scan" 2 "apply to a single register" --scan --bits 4 --chunk 10)
lfsr_cli_rejects("rejects --bits that does not match a sequence's complexity" 2
                 "--bits 5 does not match the linear complexity 0" --sequence "0 0 0" --bits 5)

# --trace.
lfsr_cli_prints("traces x^4+x+1 from state 1: step 4 is state 9, digits 1001, output 1" "^ +4 +9 +1001 +1$"
                --poly "x^4+x+1" --trace 1)
lfsr_cli_prints("a trace says where its cycle closes" "^after 15 steps the state of step 0 comes back: tail 0, period 15$"
                --poly "x^4+x+1" --trace 1)
lfsr_cli_prints("a trace over GF(11) separates the digits by commas" "^ +1 +848 +7,0,1 +1$"
                --field 11 --poly "x^3+x+5" --trace 0x10 --steps 2)
string(REPEAT "f" 250 lfsr_all_ones_1000)
lfsr_cli_prints("a trace of a 1000-bit register abbreviates its states"
                "^ +1 +2\\^999 - 1 +0111111111111111\\.\\.\\.1111111111111111 \\(1000 digits\\) +1$"
                --bits 1000 --trace 0x${lfsr_all_ones_1000} --steps 2)
lfsr_cli_json("a trace in JSON has one object per step and the cycle" --poly "x^3+x^2" --trace 1 --format json --
              "method=\"step\"" "state=1" "output_digit=0" "steps=2" "stop=\"repeat\"" "tail=1" "period=1" "next_state=0"
              "trace=[{\"step\":0,\"state\":1,\"digits\":[0,0,1],\"output\":1},{\"step\":1,\"state\":0,\"digits\":[0,0,0],\"output\":0}]")
lfsr_cli_json("a galois trace outputs r_(n-1)" --poly "x^4+x+1" --form galois --trace 8 --steps 1 --format json --
              "output_digit=3" "stop=\"steps\"" "tail=null" "period=null" "next_state=3"
              "trace=[{\"step\":0,\"state\":8,\"digits\":[1,0,0,0],\"output\":1}]")
lfsr_cli_rejects("rejects a trace state of q^n" 2 "state 16 is out of range" --bits 4 --trace 16)
lfsr_cli_rejects("rejects a trace state that is not a number" 2 "--trace: 'x1' is not a state index" --bits 4 --trace x1)
lfsr_cli_rejects("rejects --steps 0" 2 "--steps: 0 is below the minimum 1" --bits 4 --trace 1 --steps 0)
lfsr_cli_rejects("rejects --steps above its maximum" 2 "--steps: 1000001 is above the maximum 1000000"
                 --bits 4 --trace 1 --steps 1000001)
lfsr_cli_rejects("rejects --steps abc" 2 "--steps: 'abc' is not a whole number" --bits 4 --trace 1 --steps abc)
lfsr_cli_rejects("rejects --steps without --trace" 2 "--steps requires --trace" --bits 4 --steps 3)
lfsr_cli_rejects("rejects a trace holding too many digits" 2 "the limit is 33554432 digits in all"
                 --poly "x^5000+x+1" --trace 1 --steps 10000)
lfsr_cli_rejects("rejects --trace with --period-of" 2 "excludes --trace" --bits 4 --trace 1 --period-of 1)
lfsr_cli_rejects("rejects --trace with --compare" 2 "--trace excludes --compare" --bits 4 --trace 1 --compare)
lfsr_cli_rejects("rejects --trace with --scan" 2 "--scan excludes --trace" --scan --bits 4 --trace 1)
lfsr_cli_rejects("rejects --trace with --batch" 2 "--batch excludes --trace" --batch - --trace 1)
lfsr_cli_script("traces agree with --period-of and 2n outputs give the register back" 120
                python3 ${LFSR_CLI_TEST_DIR}/trace_tests.py $<TARGET_FILE:lfsr-analyze>)

# --plot: every kind of plot rendered by rsvg-convert and parsed by xml.etree.
lfsr_cli_script("every kind of plot renders with rsvg-convert and holds its marks, bars and whiskers" 120
                python3 ${LFSR_CLI_TEST_DIR}/plot_tests.py $<TARGET_FILE:lfsr-analyze>)
lfsr_cli_rejects("rejects a plot file in a directory that does not exist" 2
                 "--plot: cannot write /nonexistent/dir/p.svg: no directory /nonexistent/dir"
                 --bits 4 --plot /nonexistent/dir/p.svg)
lfsr_cli_rejects("rejects --plot of a scan without --summary" 2 "add --summary"
                 --scan --bits 4 --plot /tmp/lfsr-plot-never-written.svg)

# Readable text, CSV and DOT output.
lfsr_cli_script("text output has no line longer than 100 characters, however large the register" 120
                bash ${LFSR_CLI_TEST_DIR}/line_width.sh $<TARGET_FILE:lfsr-analyze>)
lfsr_cli_prints("writes 2^1000 - 1 for the longest cycle of --bits 1000" "^longest cycle +2\\^1000 - 1$" --bits 1000)
lfsr_cli_prints("names the state space 2^1024 without its 309 digits" "^degree 1024, 2\\^1024 states$"
                --poly "x^1024+x+1" --method algebraic)
lfsr_cli_script("CSV output read back with Python's csv module equals the JSON output" 120
                python3 ${LFSR_CLI_TEST_DIR}/csv_output.py $<TARGET_FILE:lfsr-analyze>)
lfsr_cli_script("the DOT state graph renders with Graphviz to one node and one edge per state" 120
                bash ${LFSR_CLI_TEST_DIR}/dot_output.sh $<TARGET_FILE:lfsr-analyze> ${LFSR_CLI_TEST_DIR}/matrices)
lfsr_cli_prints("titles the DOT graph with the register" "^  label=\"GF\\(2\\) register x\\^4\\+x\\+1, fibonacci form"
                --poly "x^4+x+1" --format dot)
lfsr_cli_rejects("refuses a DOT graph of more than 4096 states, naming the count" 2
                 "--format dot draws every state: 2^13 = 8192 states is more than the limit of 4096" --bits 13 --format dot)
lfsr_cli_rejects("refuses a DOT graph of 2^1000 states before any work" 2 "2^1000 states is more than the limit"
                 --bits 1000 --format dot)
lfsr_cli_rejects("refuses --format dot with --batch" 2 "not of --batch or --scan" --scan --bits 4 --format dot)
lfsr_cli_rejects("refuses --format dot with --period-of" 2 "not with --period-of" --bits 4 --period-of 1 --format dot)
lfsr_cli_prints("a scan summary names the field and an example of each cycle type"
                "^         2  1\\^1 15\\^1 +x\\^4\\+x\\+1$" --scan --bits 4 --summary)
lfsr_cli_prints("a scan summary over GF(4) names the field's modulus" "^field GF\\(4\\) = GF\\(2\\)\\[a\\]/\\(a\\^2\\+a\\+1\\)$"
                --scan --bits 2 --field 4 --summary)
add_test(NAME "a scan summary's JSON names the first polynomial of each cycle type"
         COMMAND bash -c [=[
"$1" --scan --bits 4 --summary --format json | python3 -c '
import json, sys
types = {" ".join("%d^%d" % (c["length"], c["count"]) for c in t["cycles"]): t["example"]
         for t in json.load(sys.stdin)["cycle_types"]}
expected = {"1^1 7^1": "x^4+x^2+x", "1^1 15^1": "x^4+x+1", "1^1": "x^4", "1^2 2^1 4^3": "x^4+1"}
sys.exit(0 if all(types[k] == v for k, v in expected.items()) and len(types) == 13 else f"{types}")'
]=] bash $<TARGET_FILE:lfsr-analyze>)
set_tests_properties("a scan summary's JSON names the first polynomial of each cycle type"
                     PROPERTIES LABELS cli TIMEOUT 60)
lfsr_cli_prints("a trace in CSV has a row per state with its digits" "^2,8,1000,0$" --poly "x^4+x+1" --trace 3 --steps 3
                --format csv)
lfsr_cli_rejects("refuses --format dot with --trace" 2 "not with --period-of, --trace or --compare"
                 --bits 4 --trace 1 --format dot)

# --list-cycles: every cycle by its smallest state; refused before any enumeration when too long.
lfsr_cli_json("lists the six cycles of x^4+1 by smallest state" --poly x^4+1 --list-cycles --format json --
              "method=\"enumerate\"" "total_cycles=6"
              [=[cycle_list=[{"smallest_state":0,"length":1},{"smallest_state":1,"length":4},{"smallest_state":3,"length":4},{"smallest_state":5,"length":2},{"smallest_state":7,"length":4},{"smallest_state":15,"length":1}]]=])
lfsr_cli_json("lists the cycles of a singular GF(3) register" --field 3 --poly x^3+x^2 --list-cycles --format json --
              "transient_states=24" [=[cycle_list=[{"smallest_state":0,"length":1},{"smallest_state":16,"length":2}]]=])
lfsr_cli_prints("lists the cycles in text, one per line" "^ +7 +4$" --poly x^4+1 --list-cycles)
lfsr_cli_prints("heads the text list with the number of cycles" "^6 cycles by smallest state:$" --poly x^4+1 --list-cycles)
lfsr_cli_json("enumerates for --list-cycles where --method auto would factor" --bits 26 --list-cycles --format json --
              "method=\"enumerate\""
              [=[cycle_list=[{"smallest_state":0,"length":1},{"smallest_state":1,"length":67108863}]]=])
lfsr_cli_rejects("refuses a cycle list above the default limit before enumerating" 2
                 "--list-cycles: 27487816992 cycles, more than the limit 100000" --poly x^40+1 --list-cycles)
lfsr_cli_rejects("refuses a cycle list above the limit given" 2 "--list-cycles: 6 cycles, more than the limit 5"
                 --poly x^4+1 --list-cycles 5)
lfsr_cli_prints("takes a raised limit" "^ +699252 cycles by smallest state:$|^699252 cycles by smallest state:$"
                --poly x^24+1 --list-cycles 700000)
lfsr_cli_rejects("refuses --list-cycles 0" 2 "--list-cycles: 0 is below the minimum 1" --poly x^4+1 --list-cycles 0)
lfsr_cli_rejects("refuses --list-cycles with --method algebraic" 2 "not with --method algebraic"
                 --poly x^4+1 --list-cycles --method algebraic)
lfsr_cli_rejects("refuses --list-cycles with --batch" 2 "not with --batch" --batch - --list-cycles)
lfsr_cli_rejects("refuses --list-cycles with --scan" 2 "not with --scan" --scan --bits 4 --list-cycles)
lfsr_cli_rejects("refuses --list-cycles with --compare" 2 "not with --compare" --bits 8 --compare --list-cycles)
lfsr_cli_rejects("refuses --list-cycles with --period-of" 2 "not with --period-of" --bits 8 --period-of 3 --list-cycles)
lfsr_cli_rejects("refuses --list-cycles on a state space too large to enumerate" 3 "too large to enumerate"
                 --bits 41 --list-cycles)
add_test(NAME "lists the same cycles in every mode"
         COMMAND bash -c [=[
set -e
list() { "$1" --poly x^16+x^15+x^4+x^3+x+1 --list-cycles --format json "${@:2}" | sed -n '/"cycle_list"/,$p'; }
seq=$(list "$1" --mode seq)
threads=$(list "$1" --mode threads --workers 3 --chunk 4096)
fork=$(list "$1" --mode fork --workers 2 --chunk 1000)
[[ -n $seq && $seq == "$threads" && $seq == "$fork" ]]
]=] bash $<TARGET_FILE:lfsr-analyze>)
set_tests_properties("lists the same cycles in every mode" PROPERTIES LABELS cli TIMEOUT 60)
lfsr_cli_rejects("refuses --list-cycles with --trace" 2 "not with --trace" --bits 4 --list-cycles --trace 1)
lfsr_cli_rejects("refuses --list-cycles with --format csv" 2 "not with --format csv" --bits 4 --list-cycles --format csv)

# Every state a report names, by either method, over every kind of field, form and map.
lfsr_cli_script("every representative has its cycle's period and tail 0 by --period-of, the longest-tail state max_tail" 120
                python3 ${LFSR_CLI_TEST_DIR}/representatives_have_their_period.py $<TARGET_FILE:lfsr-analyze>)
lfsr_cli_rejects("refuses --plot with --format dot" 2 "--plot draws the analysis, --format dot the state graph"
                 --bits 4 --format dot --plot /tmp/lfsr-plot-never-written.svg)
lfsr_cli_rejects("refuses --compare with --format csv" 2 "not with --format csv" --bits 4 --compare --format csv)
lfsr_cli_rejects("refuses --list-cycles for a sequence of zeros" 2 "--list-cycles: a sequence of zeros"
                 --sequence 0000 --list-cycles)

# Options the rest of the command line would leave without effect are refused, naming the conflict.
lfsr_cli_rejects("refuses --profile without a sequence" 2 "--profile is the linear complexity profile" --bits 4 --profile)
lfsr_cli_rejects("refuses --summary of a single register" 2 "--summary summarizes --batch or --scan" --bits 4 --summary)
lfsr_cli_rejects("refuses --repeat without --compare" 2 "--repeat sets the runs per mode of --compare" --bits 4 --repeat 2)
lfsr_cli_rejects("refuses --period-of with --method" 2 "not with --compare, --chunk or --method"
                 --bits 4 --period-of 1 --method enumerate)
lfsr_cli_rejects("refuses --period-of with --chunk" 2 "not with --compare, --chunk or --method" --bits 4 --period-of 1 --chunk 8)
lfsr_cli_rejects("refuses --progress with --scan" 2 "not to --batch or --scan" --scan --bits 3 --progress)
lfsr_cli_rejects("refuses --all-cycles with --batch" 2 "not to --batch or --scan" --batch - --all-cycles)
lfsr_cli_prints("--compare with --method both also checks the algebraic method"
                "^enumerated and computed from the factorization, agreeing," --bits 12 --compare --method both --repeat 1)
# The lines that failed are in the output too; stderr adds the one line that says how many and which.
add_test(NAME "a batch with failed lines says on stderr how many and which"
         COMMAND bash -c "err=$($0 --batch $1 2>&1 >/dev/null); status=$?; echo \"$err\"; \
                          [[ $status == 2 && $err == 'lfsr-analyze: 2 of 4 lines failed: lines 3, 4' ]]"
                 $<TARGET_FILE:lfsr-analyze> ${LFSR_CLI_TEST_DIR}/batches/two_failures.txt)
set_tests_properties("a batch with failed lines says on stderr how many and which" PROPERTIES LABELS cli TIMEOUT 60)
lfsr_cli_rejects("refuses a state that is no number before searching a default polynomial" 2
                 "--period-of: 'zz' is not a state index" --bits 200 --field 9 --period-of zz)
lfsr_cli_rejects("refuses a trace state that is no number before searching a default polynomial" 2
                 "--trace: 'zz' is not a state index" --bits 200 --field 9 --trace zz)
# A batch line is bounded: /dev/zero ends at once, and the lines before an over-long line stand.
lfsr_cli_script("a batch line longer than its bound fails, the lines before it are analyzed and reading stops" 60
                bash ${LFSR_CLI_TEST_DIR}/batch_line_bound.sh $<TARGET_FILE:lfsr-analyze>)
# The values pinned above for small registers, matrices, traces, cycle lists, a scan summary and
# sequences (regression pins taken from the tool's output), derived again by brute force.
lfsr_cli_script("the values pinned for small registers, matrices and sequences equal a brute force" 120
                python3 ${LFSR_CLI_TEST_DIR}/golden_values.py $<TARGET_FILE:lfsr-analyze>)

# Bounds at their edges: the limit is accepted, one more is refused naming the bound (README "Limits").
lfsr_cli_rejects("takes --bits 100000, the degree limit, and then finds the scan too large" 3
                 "the limit is 2^32 registers" --scan --bits 100000)
lfsr_cli_rejects("rejects --bits 100001, above the degree limit" 2 "--bits: 100001 is above the maximum 100000"
                 --bits 100001)
lfsr_cli_json("takes an exponent at the degree limit" --poly "x^100000" --period-of 1 --format json -- "bits=100000" "tail=1")
lfsr_cli_json("takes --list-cycles 10000000" --bits 4 --list-cycles 10000000 --format json -- "total_cycles=2")
lfsr_cli_rejects("rejects --list-cycles 10000001" 2 "--list-cycles: 10000001 is above the maximum 10000000"
                 --bits 4 --list-cycles 10000001)
lfsr_cli_json("takes --workers 1024" --bits 4 --mode seq --workers 1024 --format json -- "total_cycles=2")
lfsr_cli_rejects("rejects --workers 1025" 2 "--workers: 1025 is above the maximum 1024" --bits 4 --workers 1025)
lfsr_cli_json("takes --chunk 2^40" --bits 4 --chunk 1099511627776 --format json -- "total_cycles=2")
lfsr_cli_rejects("rejects --chunk 2^40 + 1" 2 "--chunk: 1099511627777 is above the maximum 1099511627776"
                 --bits 4 --chunk 1099511627777)
lfsr_cli_json("takes --repeat 1000" --bits 2 --compare --workers 1 --repeat 1000 --format json -- "total_cycles=2")
lfsr_cli_rejects("rejects --repeat 1001" 2 "--repeat: 1001 is above the maximum 1000" --bits 4 --compare --repeat 1001)
lfsr_cli_json("takes --max-memory 2^64 - 1 bytes" --bits 4 --max-memory 18446744073709551615 --format json --
              "total_cycles=2")
lfsr_cli_rejects("rejects --max-memory 2^64 bytes" 2 "size 18446744073709551616 is too large"
                 --bits 4 --max-memory 18446744073709551616)
lfsr_cli_rejects("rejects --max-memory 16E, beyond 64 bits" 2 "size 16777216T is too large"
                 --bits 4 --max-memory 16777216T)
# A million-step trace takes most of a minute under ASan; the bound is the same code there.
if(NOT LFSR_SANITIZE)
  lfsr_cli_json("takes --steps 1000000" --poly "x^4+x+1" --trace 1 --steps 1000000 --format json -- "stop=\"steps\"")
endif()
lfsr_cli_json("takes field order 65536" --field 65536 --bits 1 --format json -- "field~{\"q\":65536}")
lfsr_cli_rejects("refuses a scan of 2^33 registers before any work" 3 "the limit is 2^32 registers" --scan --bits 33)
lfsr_cli_json("takes the largest state of the register" --field 9 --bits 3 --period-of 728 --format json -- "state=728")
lfsr_cli_rejects("refuses a state beyond q^n before any polynomial is searched for" 2
                 "--period-of: state 729 is out of range: --bits 3 over GF(9) gives states 0..9^3-1"
                 --field 9 --bits 3 --period-of 729)
lfsr_cli_rejects("refuses a huge state of --bits 200 over GF(9) before the search" 2
                 "--trace: state of 193 digits is out of range: --bits 200 over GF(9)" --bits 200 --field 9 --trace
                 1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000)
lfsr_cli_script("input bounds from files and streams are held at their edges" 300
                bash ${LFSR_CLI_TEST_DIR}/input_bounds.sh $<TARGET_FILE:lfsr-analyze>)
lfsr_cli_script("NTL running out of memory in any thread or worker exits 3 and never aborts" 300
                bash ${LFSR_CLI_TEST_DIR}/ntl_memory_error.sh $<TARGET_FILE:lfsr-analyze> "${LFSR_SANITIZE}")
# The factoring time bound (--factor-seconds): validated, refused at once by size, a deadline that
# names what is left, a batch line that fails alone, and the hardest 2^d - 1 (d <= 256) still factored.
lfsr_cli_rejects("rejects --factor-seconds 0" 2 "--factor-seconds: 0 is not a positive number of seconds" --bits 8 --factor-seconds 0)
lfsr_cli_rejects("rejects --factor-seconds -1" 2 "--factor-seconds: -1 is not a positive number of seconds" --bits 8 --factor-seconds -1)
lfsr_cli_rejects("rejects --factor-seconds abc" 2 "--factor-seconds: 'abc' is not a number of seconds" --bits 8 --factor-seconds abc)
lfsr_cli_rejects("rejects --factor-seconds in hex" 2 "--factor-seconds: '0x10' is not a number of seconds" --bits 8 --factor-seconds 0x10)
lfsr_cli_rejects("rejects --factor-seconds above a day" 2 "--factor-seconds: 1e9 is above the maximum of 86400 seconds" --bits 8 --factor-seconds 1e9)
lfsr_cli_rejects("refuses 2^99999-1 at once by the size of a cyclotomic factor" 3
                 "a 3237-digit factor of Phi_11111(2) is too large to factor within the time bound of 10 s" --bits 99999)
lfsr_cli_rejects("refuses 2^4096-1 at once by the size of a cyclotomic factor" 3
                 "Phi_4096(2) is too large to factor within the time bound of 10 s" --bits 4096)
lfsr_cli_rejects("names what is left unfactored when the time bound runs out" 3
                 "the factoring time bound of 0.01 s ran out on a" --poly "x^2000+x^3+1" --factor-seconds 0.01)
lfsr_cli_script("a batch line whose factoring exceeds --factor-seconds fails alone" 60
                bash ${LFSR_CLI_TEST_DIR}/factor_bound.sh $<TARGET_FILE:lfsr-analyze>)
foreach(d 211 229 251 253)
  lfsr_cli_json("2^${d}-1 is factored within the default bound" --bits ${d} --method algebraic --format json --
                "maximal_length=true")
endforeach()

# Found by the fuzz targets (tests/fuzz): a value with a line break or another control byte is named
# escaped, so the message stays on one line.
lfsr_cli_rejects("names a state index with a line break escaped" 2 "--period-of: '12\\x0a3' is not a state index"
                 --bits 4 --period-of "12\n3")
lfsr_cli_rejects("names a --max-memory value with a line break escaped" 2 "'2\\x0aK' is not a size" --bits 4
                 --max-memory "2\nK")
lfsr_cli_rejects("names a modulus with a line break escaped" 2 "modulus a^4\\x0a+1 is reducible" --field 16
                 --modulus "a^4\n+1")
# The bad-input corpus: one CTest per case of bad_inputs.txt (exit code, one stderr line naming the
# value, empty stdout, no hang).
file(STRINGS ${LFSR_CLI_TEST_DIR}/bad_inputs.txt lfsr_bad_input_lines)
set(lfsr_bad_input_number 0)
foreach(lfsr_bad_input IN LISTS lfsr_bad_input_lines)
  math(EXPR lfsr_bad_input_number "${lfsr_bad_input_number} + 1")
  if(lfsr_bad_input MATCHES "^[0-9]+ \\| .* \\| (.*)$")
    string(REPLACE "\"" "" lfsr_bad_input_arguments "${CMAKE_MATCH_1}")
    set(lfsr_bad_input_test "bad input (line ${lfsr_bad_input_number}): ${lfsr_bad_input_arguments}")
    add_test(NAME "${lfsr_bad_input_test}"
             COMMAND bash ${LFSR_CLI_TEST_DIR}/bad_inputs.sh $<TARGET_FILE:lfsr-analyze>
                     ${LFSR_CLI_TEST_DIR}/bad_inputs.txt ${lfsr_bad_input_number})
    set_tests_properties("${lfsr_bad_input_test}" PROPERTIES LABELS "cli;bad_input" TIMEOUT 60 SKIP_RETURN_CODE 77)
  endif()
endforeach()
# SIGINT and SIGTERM in every mode; a worker killed at random; determinism across modes.
add_test(NAME "SIGINT and SIGTERM end every mode with 130 or 143, whole lines and no process left"
         COMMAND bash ${LFSR_CLI_TEST_DIR}/signal_tests.sh $<TARGET_FILE:lfsr-analyze>)
set_tests_properties("SIGINT and SIGTERM end every mode with 130 or 143, whole lines and no process left"
                     PROPERTIES LABELS "cli;faults" TIMEOUT 300 RUN_SERIAL TRUE)
# At least LFSR_CHAOS_KILLS worker deaths noticed by the tool per run of the test (fewer by default
# in sanitizer builds, whose runs are slower; the variable of that name in the environment overrides
# it, LFSR_TEST_MULTIPLIER scales it); LFSR_CHAOS_SEED repeats a sequence.
if(LFSR_SANITIZE)
  set(lfsr_chaos_kills 30)
else()
  set(lfsr_chaos_kills 100)
endif()
set(LFSR_CHAOS_KILLS ${lfsr_chaos_kills} CACHE STRING "Worker kills the chaos test must see noticed by the tool")
add_test(NAME "a fork worker killed at random never gives a wrong answer"
         COMMAND python3 ${LFSR_CLI_TEST_DIR}/chaos_test.py $<TARGET_FILE:lfsr-analyze> ${LFSR_CHAOS_KILLS})
set_tests_properties("a fork worker killed at random never gives a wrong answer"
                     PROPERTIES LABELS "cli;faults" TIMEOUT 900 RUN_SERIAL TRUE)
lfsr_cli_script("the same input gives the same JSON across runs, modes, workers and chunk sizes" 300
                python3 ${LFSR_CLI_TEST_DIR}/determinism.py $<TARGET_FILE:lfsr-analyze>)
add_test(NAME "reads a batch from a FIFO whose writer is there"
         COMMAND bash -c [=[
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT; mkfifo "$dir/f"
printf 'x^4+x+1\nx^3+x+1\n' >"$dir/f" & sleep 0.2
out=$(timeout 30 "$1" --batch "$dir/f" --format json) || exit 1
[[ $(grep -c '"maximal_length":true' <<<"$out") == 2 ]] || { echo "$out"; exit 1; }
]=] bash $<TARGET_FILE:lfsr-analyze>)
set_tests_properties("reads a batch from a FIFO whose writer is there" PROPERTIES LABELS cli TIMEOUT 60)
# ulimit -v: a large enumeration is refused up front (exit 3), a small one still runs. Sanitizer
# builds reserve terabytes of shadow address space, which no ulimit -v leaves room for.
if(NOT LFSR_SANITIZE)
  add_test(NAME "under ulimit -v a large enumeration is refused with exit 3 and a small one runs"
           COMMAND bash -c [=[
ulimit -v 1000000
err=$("$1" --bits 34 --method enumerate --mode fork --workers 2 2>&1 >/dev/null); code=$?
[[ $code == 3 && $(wc -l <<<"$err") == 1 && $err == *"address-space limit (ulimit -v)"* ]] || { echo "exit $code: $err"; exit 1; }
"$1" --bits 20 --method enumerate --mode threads --workers 2 --format json | grep -q '"max_cycle_length": 1048575'
]=] bash $<TARGET_FILE:lfsr-analyze>)
  set_tests_properties("under ulimit -v a large enumeration is refused with exit 3 and a small one runs"
                       PROPERTIES LABELS cli TIMEOUT 60)
endif()

# The CLI tests that run worker threads (--mode threads, auto on a large register, --compare, batches
# and scans): scripts/test runs them again under ThreadSanitizer (ctest -L threads in build-tsan/).
set_property(TEST "runs x^14+1 by threads in small chunks" "auto runs a large register in parallel with two workers"
                  "auto runs a scan in parallel with two workers" "a scan runs --mode threads as given with one worker"
                  "compares the three modes in JSON" "batch lines over GF(3) by threads equal their single runs"
                  "lists the same cycles in every mode" "scans degree 8 over GF(2): 16 maximal length, 30 irreducible"
                  "--compare with --method both also checks the algebraic method"
             APPEND PROPERTY LABELS threads)
# A batch analyzes an algebraic register of degree 1000 or more in a child process of its own: the
# line equals the single run (cycles, representatives, every key but how it was run).
add_test(NAME "a large algebraic batch line, analyzed in a child process, equals its single run"
         COMMAND bash -c [=[
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
printf 'x^1100+x^7+1\nx^12+x^6+x^4+x+1\n' >"$dir/batch.txt"
for mode in seq threads fork; do
  "$1" --batch "$dir/batch.txt" --method algebraic --mode $mode --format json >"$dir/batch.json" || exit 1
  "$1" --poly 'x^1100+x^7+1' --method algebraic --format json >"$dir/single.json" || exit 1
  python3 - "$dir" <<'PY' || exit 1
import json, sys
d = sys.argv[1]
line = json.loads(open(f"{d}/batch.json").readline())
single = json.load(open(f"{d}/single.json"))
ignored = {"line", "seconds", "mode", "workers", "states_per_second"}
keys = [k for k in single if k not in ignored]
assert len(single["cycles"]) > 20 and all(c.get("representative") is not None for c in single["cycles"]), "no representatives"
different = [k for k in keys if line.get(k) != single[k]]
assert not different, different
PY
done
]=] bash $<TARGET_FILE:lfsr-analyze>)
set_tests_properties("a large algebraic batch line, analyzed in a child process, equals its single run"
                     PROPERTIES LABELS cli TIMEOUT 120)

# The man page and the shell completions, checked against the options --help lists.
lfsr_cli_script("the man page documents every option of --help and renders without warnings" 60
                python3 ${LFSR_CLI_TEST_DIR}/man_page.py $<TARGET_FILE:lfsr-analyze>
                ${PROJECT_SOURCE_DIR}/docs/lfsr-analyze.1)
lfsr_cli_script("bash and zsh complete every option of --help, fixed values and file names" 120
                python3 ${LFSR_CLI_TEST_DIR}/completion.py $<TARGET_FILE:lfsr-analyze>
                ${PROJECT_SOURCE_DIR}/src/cli/completion/lfsr-analyze.bash
                ${PROJECT_SOURCE_DIR}/src/cli/completion/_lfsr-analyze)
# The .deb of the Release build: contents, Depends, lintian and, as root, an apt install and removal.
# The package holds the program alone, so it is built from a static library (as scripts/deb does).
if(NOT LFSR_SANITIZE AND NOT BUILD_SHARED_LIBS)
  add_test(NAME "the .deb holds the tool, depends on its libraries, passes lintian and installs with apt"
           COMMAND bash ${LFSR_CLI_TEST_DIR}/deb_package.sh ${PROJECT_BINARY_DIR})
  set_tests_properties("the .deb holds the tool, depends on its libraries, passes lintian and installs with apt"
                       PROPERTIES LABELS package TIMEOUT 300)
endif()
# --version, and the version every JSON object carries beside schema_version.
lfsr_cli_script("--version names the version, the git commit and the libraries; JSON objects carry version" 60
                bash ${LFSR_CLI_TEST_DIR}/version_output.sh $<TARGET_FILE:lfsr-analyze> $<TARGET_FILE:lfsr_json_check>
                ${PROJECT_SOURCE_DIR} ${PROJECT_VERSION})
# The git description of a source tarball (no .git) is empty, and --version then prints no git line.
lfsr_cli_script("the git description is empty outside a git checkout and the commit inside one" 60
                bash ${LFSR_CLI_TEST_DIR}/git_description.sh ${PROJECT_SOURCE_DIR}/cmake/GitDescription.cmake)
# FLINT is loaded at run time by the factorization that needs it (src/algebra/flint_library.hpp):
# never by --version or a small register, whose start-up it would double (docs/benchmarks.md).
lfsr_cli_script("FLINT is loaded only when a factorization needs it" 60
                bash ${LFSR_CLI_TEST_DIR}/flint_loading.sh $<TARGET_FILE:lfsr-analyze>)

# mpirun -n 1, 2, 3 (loopback, oversubscribed): the same output as a single run, and a rank killed
# ends the job. Only where MPI is built in, and not under the sanitizers: Open MPI's own allocations
# at start-up and exit are reported as leaks.
if(LFSR_WITH_MPI AND NOT LFSR_SANITIZE)
  lfsr_cli_script("mpirun scans and batches print what a single run prints" 120
                  bash ${LFSR_CLI_TEST_DIR}/mpi_equals_single.sh ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:lfsr-analyze>
                  ${LFSR_CLI_TEST_DIR}/json_without_timing.py scans)
  lfsr_cli_script("mpirun registers and matrices print what a single run prints" 120
                  bash ${LFSR_CLI_TEST_DIR}/mpi_equals_single.sh ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:lfsr-analyze>
                  ${LFSR_CLI_TEST_DIR}/json_without_timing.py registers)
  lfsr_cli_script("mpirun: nonlinear registers and the maximum-period search print what a single run prints" 120
                  bash ${LFSR_CLI_TEST_DIR}/mpi_equals_single.sh ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:lfsr-analyze>
                  ${LFSR_CLI_TEST_DIR}/json_without_timing.py nonlinear)
  lfsr_cli_script("mpirun: a rank killed ends the job, no summary, no process left" 60
                  bash ${LFSR_CLI_TEST_DIR}/mpi_rank_death.sh ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:lfsr-analyze>)
endif()
# The Slurm examples: valid bash, and the job array's parts and merge give the single run's summary.
lfsr_cli_script("the Slurm job array example's parts merge into the single run" 60
                bash ${LFSR_CLI_TEST_DIR}/slurm_examples.sh $<TARGET_FILE:lfsr-analyze>
                ${LFSR_CLI_TEST_DIR}/json_without_timing.py ${PROJECT_SOURCE_DIR}/docs/slurm)
# Built without MPI, a program started as one of several ranks refuses rather than run the job once
# per rank (the environment mpirun would set, without mpirun).
if(NOT LFSR_WITH_MPI)
  lfsr_cli_script("a program built without MPI refuses to run as one of several MPI ranks" 60
                  env OMPI_COMM_WORLD_SIZE=2 OMPI_COMM_WORLD_RANK=0 bash ${LFSR_CLI_TEST_DIR}/expect_failure.sh
                  $<TARGET_FILE:lfsr-analyze> 2 "this lfsr-analyze was built without MPI" --scan --bits 4)
endif()

# Nonlinear feedback registers: --feedback F --bits N.
lfsr_cli_prints("x0+x1+x2+x1*x2 on 4 bits: one cycle of the 15 nonzero states" "^ +15 +1 +15 +1$"
                --bits 4 --feedback "x0+x1+x2+x1*x2")
lfsr_cli_prints("the term list 0,1,2,(1,2) is x0+x1+x2+x1*x2" "F = x0 \\+ x1 \\+ x2 \\+ x1\\*x2$"
                --bits 4 --feedback "0,1,2,(1,2)")
lfsr_cli_prints("XOR and AND as ^ and &" "F = x0 \\+ x1 \\+ x2 \\+ x1\\*x2$" --bits 4 --feedback "x0^x1^x2^x1&x2")
lfsr_cli_prints("a truth table in hex: 6a is x0+x1*x2 on 3 bits" "F = x0 \\+ x1\\*x2$" --bits 3 --feedback 0x6a)
lfsr_cli_prints("a singular feedback register: its longest-tail state" "^longest-tail state +4$" --bits 3 --feedback "x1*x2")
lfsr_cli_prints("a singular feedback register is not invertible" "^invertible: no" --bits 3 --feedback "x1*x2")
lfsr_cli_json("a feedback register in JSON: input feedback, no polynomial, invertible" --bits 4
              --feedback "0,1,2,(1,2)" --format json -- "input=\"feedback\"" "polynomial=null" "form=\"fibonacci\""
              "feedback=\"x0 + x1 + x2 + x1*x2\"" "invertible=true" "total_cycles=2" "method=\"enumerate\"")
lfsr_cli_json("a feedback register lists its cycles" --bits 4 --feedback "x0+x1+x2+x1*x2" --list-cycles
              --format json -- "cycle_list=[{\"smallest_state\":0,\"length\":1},{\"smallest_state\":1,\"length\":15}]")
lfsr_cli_prints("traces a feedback register: x1*x2+x3 from 5 reaches 0 after 3 steps"
                "^after 4 steps the state of step 3 comes back: tail 3, period 1$" --bits 4 --feedback "x1*x2+x3"
                --trace 5)
lfsr_cli_prints("a feedback register runs in fork mode" "^enumerated in .*fork, 2 workers" --bits 18
                --feedback "x0+x1+x5*x7+x3*x9" --mode fork --workers 2)
lfsr_cli_rejects("feedback: a variable outside the register" 2 "variable x4 is outside x0..x3" --bits 4 --feedback "x0+x4")
lfsr_cli_rejects("feedback: a syntax error names its column" 2 "at column 4" --bits 4 --feedback "x0+")
lfsr_cli_rejects("feedback: a truth table of the wrong length" 2 "a 4-bit register needs 4" --bits 4 --feedback 0x12)
lfsr_cli_rejects("feedback needs --bits" 2 "--feedback needs --bits N" --feedback x0)
lfsr_cli_rejects("feedback: --method algebraic is refused" 2 "a nonlinear register has none" --bits 4
                 --feedback x0+x1*x2 --method algebraic)
lfsr_cli_rejects("feedback: --method both is refused" 2 "a nonlinear register has none" --bits 4
                 --feedback x0+x1*x2 --method both)
lfsr_cli_rejects("feedback: a linear F asked for its algebra is named as its --poly register" 2
                 "this linear F is the register --poly 'x^4+x+1'" --bits 4 --feedback x0+x1 --method algebraic)
lfsr_cli_rejects("feedback registers are over GF(2)" 2 "are over GF(2)" --bits 4 --feedback x0 --field 3)
lfsr_cli_rejects("feedback: --period-of points to --trace" 2 "--trace STATE follows" --bits 4 --feedback x0 --period-of 1)
lfsr_cli_rejects("feedback: a list of cycles over the limit is refused" 2 "more than the limit 2" --bits 4
                 --feedback "x0" --list-cycles 2)
lfsr_cli_script("every mode gives a feedback register the same report, and linear F the --poly report" 120
                bash ${LFSR_CLI_TEST_DIR}/feedback_modes.sh $<TARGET_FILE:lfsr-analyze>)

# --search-nlfsr FAMILY --bits N: the maximum-period members of a feedback family.
lfsr_cli_prints("the search lists x0+x1+x2+x1*x2 among the 4-bit maximum-period registers"
                "^ +0  2\\^4-1 +0,1,2,\\(1,2\\) +x0 \\+ x1 \\+ x2 \\+ x1\\*x2$" --search-nlfsr "x0+xa+xb+xc*xd" --bits 4)
lfsr_cli_prints("the search counts 6 of the 3025 12-bit members" "^6 of 3025 members have maximum period"
                --search-nlfsr "x0+xa+xb+xc*xd" --bits 12)
lfsr_cli_json("the search summary in JSON" --search-nlfsr "x0 + xa + xb + xc*xd" --bits 12 --summary --format json --
              "search=\"x0+xa+xb+xc*xd\"" "bits=12" "candidates=3025" "searched=3025" "maximum_period=6"
              "nonzero_cycle=6" "de_bruijn=0")
lfsr_cli_rejects("the search refuses an unknown family" 2 "x0+xa+xb+xc*xd" --search-nlfsr "x0+xa*xb" --bits 8)
lfsr_cli_rejects("the search needs --bits" 2 "--search-nlfsr needs --bits N" --search-nlfsr "x0+xa+xb+xc*xd")
lfsr_cli_rejects("the search is over GF(2)" 2 "registers over GF(2)" --search-nlfsr "x0+xa+xb+xc*xd" --bits 8
                 --field 3)
lfsr_cli_rejects("the search refuses --method" 2 "not with --method" --search-nlfsr "x0+xa+xb+xc*xd" --bits 8
                 --method enumerate)
lfsr_cli_rejects("the search refuses --format dot" 2 "not with --format dot" --search-nlfsr "x0+xa+xb+xc*xd" --bits 8
                 --format dot)
lfsr_cli_script("the search lists exactly the registers a plain simulation finds, in every mode" 300
                python3 ${LFSR_CLI_TEST_DIR}/nlfsr_search_reference.py $<TARGET_FILE:lfsr-analyze>)
lfsr_cli_script("the search in --shard parts merges into the whole search" 120
                bash ${LFSR_CLI_TEST_DIR}/nlfsr_search_parts.sh $<TARGET_FILE:lfsr-analyze>)

# libFuzzer run over the .dot parser/writer, built out-of-band with clang++-14 (the main build is g++).
# Skipped (exit 77) when clang++-14 is missing. Exclude it from quick runs with `ctest -LE fuzz`.
add_test(NAME DotFuzz.ParseWriteReparse
  COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run_dot_fuzz.sh
          ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/fuzz/dot ${CMAKE_SOURCE_DIR}/../shared/reference-graphs 75)
set_tests_properties(DotFuzz.ParseWriteReparse PROPERTIES
  LABELS fuzz
  SKIP_RETURN_CODE 77
  TIMEOUT 90)

# libFuzzer run over the recording decoder (checksummed chunks and their cereal payloads), same pattern.
add_test(NAME RecordFuzz.DecodeNeverCrashes
  COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run_record_fuzz.sh ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/fuzz/record 45)
set_tests_properties(RecordFuzz.DecodeNeverCrashes PROPERTIES
  LABELS fuzz
  SKIP_RETURN_CODE 77
  TIMEOUT 120)

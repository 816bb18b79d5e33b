# Fails when EXPECTED differs from what `HIPLAN rules --format markdown` prints.
# Regenerate with: build/hiplan rules --format markdown > docs/rules.md
execute_process(COMMAND ${HIPLAN} rules --format markdown
                OUTPUT_VARIABLE actual RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "hiplan rules failed with ${rc}")
endif()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "${EXPECTED} is stale; regenerate it with:\n"
                      "  build/hiplan rules --format markdown > docs/rules.md")
endif()

# Generates a small clean benchmark corpus and requires `hiplan lint --strict` to pass it.
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${PYTHON} ${GENERATOR} --files 32 --out ${OUT} --error-rate 0
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gen_corpus.py failed")
endif()
execute_process(COMMAND ${HIPLAN} lint --strict --quiet --color never ${OUT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the generated corpus does not lint clean:\n${out}")
endif()

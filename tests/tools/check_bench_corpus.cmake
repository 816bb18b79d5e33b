# Generates a small clean benchmark corpus with its framework and requires
# `hiplan lint --strict` to pass both, and `hiplan compile` to take in every file.
file(REMOVE_RECURSE ${OUT})
set(framework ${OUT}.framework.yaml)
execute_process(COMMAND ${PYTHON} ${GENERATOR} --files 32 --out ${OUT} --framework-out ${framework}
                        --error-rate 0
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gen_corpus.py failed")
endif()
execute_process(COMMAND ${HIPLAN} lint --strict --quiet --color never --framework ${framework}
                        ${framework} ${OUT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the generated corpus does not lint clean:\n${out}${err}")
endif()
execute_process(COMMAND ${HIPLAN} compile --framework ${framework} ${OUT} --round 2026-spring
                        -o ${OUT}.xlsx --force --color never
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "32 expected, 32 received, 32 valid, 0 late, 0 missing")
  message(FATAL_ERROR "compile did not take in the whole corpus (exit ${rc}):\n${out}${err}")
endif()

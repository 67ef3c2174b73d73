# The build-time step of PARSEC_PGO (run with cmake -P from engine/CMakeLists.txt): builds the
# instrumented engine and its training program in a sub-build, runs the training whenever the
# program was rebuilt, and only then touches STAMP, on which every engine object depends.
foreach(v SOURCE_DIR BUILD_DIR PROFILE_DIR STAMP GENERATOR CXX CC BUILD_TYPE)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "pgo_train.cmake: ${v} is not set")
  endif()
endforeach()

# Configured when new, or again if its cache lost the stage (a sub-build that is not instrumented
# would leave the engine without a profile).
set(stage "")
if(EXISTS ${BUILD_DIR}/CMakeCache.txt)
  file(STRINGS ${BUILD_DIR}/CMakeCache.txt stage REGEX "^PARSEC_PGO_STAGE:[A-Z]*=generate$")
endif()
if(NOT stage)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BUILD_DIR} -G ${GENERATOR}
            -DCMAKE_BUILD_TYPE=${BUILD_TYPE} -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_C_COMPILER=${CC}
            -DPARSEC_BUILD_GUI=OFF -DPARSEC_PGO=OFF -DPARSEC_PGO_STAGE=generate
            -DPARSEC_PGO_PROFILE_DIR=${PROFILE_DIR}
    OUTPUT_QUIET
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    file(REMOVE ${BUILD_DIR}/CMakeCache.txt)
    message(FATAL_ERROR "PGO: configuring the instrumented build in ${BUILD_DIR} failed")
  endif()
endif()

execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target parsec-pgo-train RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "PGO: building the instrumented training program in ${BUILD_DIR} failed")
endif()

set(trainer ${BUILD_DIR}/app/parsec-pgo-train)
if(NOT EXISTS ${STAMP} OR ${trainer} IS_NEWER_THAN ${STAMP})
  # Counts from an older engine would not match the new sources.
  file(REMOVE_RECURSE ${PROFILE_DIR})
  execute_process(COMMAND ${trainer} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "PGO: the training run failed (${trainer}, exit ${rc})")
  endif()
  file(GLOB written ${PROFILE_DIR}/*.gcda)
  if(NOT written)
    message(FATAL_ERROR "PGO: the training run wrote no profile into ${PROFILE_DIR}")
  endif()
  file(TOUCH ${STAMP})
endif()

# The sample sessions the app ships must replay exactly and export valid reference dumps.
add_test(NAME recordings.shipped_replay_and_conform
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check_shipped_recordings.sh
                 $<TARGET_FILE:parsec-debugger> ${PROJECT_SOURCE_DIR}/recordings)
set_tests_properties(recordings.shipped_replay_and_conform PROPERTIES LABELS record)

# Included by src/platform/CMakeLists.txt: the export writers' tests, beside their sources.
add_executable(export_test ${CMAKE_CURRENT_LIST_DIR}/table_test.cpp)
target_link_libraries(export_test PRIVATE manzuma_platform GTest::gtest_main)
gtest_discover_tests(export_test PROPERTIES LABELS unit)

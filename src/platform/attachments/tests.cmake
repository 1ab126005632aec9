# Included by src/platform/CMakeLists.txt: the attachments tests, beside their sources (STYLE.md habit 6).
add_executable(attachments_test ${CMAKE_CURRENT_LIST_DIR}/multipart_test.cpp ${CMAKE_CURRENT_LIST_DIR}/service_test.cpp)
target_link_libraries(attachments_test PRIVATE manzuma_platform GTest::gtest_main)
# The service tests apply the real migrations/*.sql, read from the source tree.
target_compile_definitions(attachments_test PRIVATE MANZUMA_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
gtest_discover_tests(attachments_test PROPERTIES LABELS unit)

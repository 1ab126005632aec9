// The one translation unit that compiles Asio and Beast (DESIGN.md §4). With
// BOOST_ASIO_SEPARATE_COMPILATION and BOOST_BEAST_SEPARATE_COMPILATION every other file sees only their
// declarations, so a file that includes Beast pays for parsing the headers, not for compiling the library.
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>

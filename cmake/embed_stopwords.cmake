# Writes a C++ file holding the Arabic and English stopword lists (src/text/stopwords/*.txt): one word per
# line, '#' starts a comment. cmake -DOUT=<file.cpp> -DAR=<ar.txt> -DEN=<en.txt> -P embed_stopwords.cmake
set(body "// Generated from src/text/stopwords/*.txt by cmake/embed_stopwords.cmake. Do not edit.\n")
string(APPEND body "#include <string_view>\n\nnamespace manzuma::text::detail {\n\n")
foreach(lang AR EN)
  file(READ ${${lang}} hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(TOLOWER ${lang} l)
  string(APPEND body "namespace { const unsigned char k_${l}[] = {${bytes} 0}; }\n")
  string(APPEND body "extern const std::string_view stopwords_${l}(reinterpret_cast<const char*>(k_${l}), sizeof k_${l} - 1);\n")
endforeach()
string(APPEND body "\n}  // namespace manzuma::text::detail\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)

#include "bench/json_writer.h"

#include <cmath>
#include <cstdio>

namespace parley::bench {

void JsonWriter::separate(const char* key) {
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
  if (key != nullptr) {
    quoted(key);
    out_ += ':';
  }
}

void JsonWriter::quoted(const std::string& text) {
  out_ += '"';
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out_ += '\\';
      out_ += c;
    } else if (u < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", u);
      out_ += escape;
    } else {
      out_ += c;
    }
  }
  out_ += '"';
}

JsonWriter& JsonWriter::beginObject(const char* key) {
  separate(key);
  out_ += '{';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::endObject() {
  out_ += '}';
  if (!first_.empty()) first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::beginArray(const char* key) {
  separate(key);
  out_ += '[';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::endArray() {
  out_ += ']';
  if (!first_.empty()) first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::number(const char* key, double value) {
  separate(key);
  if (!std::isfinite(value)) {
    out_ += "-1";
    return *this;
  }
  char text[64];
  std::snprintf(text, sizeof text, "%.3f", value);
  std::string s(text);
  // Trim "12.500" to "12.5" and "3.000" to "3".
  const size_t dot = s.find('.');
  if (dot != std::string::npos) {
    size_t last = s.find_last_not_of('0');
    if (last == dot) --last;
    s.erase(last + 1);
  }
  if (s == "-0") s = "0";
  out_ += s;
  return *this;
}

JsonWriter& JsonWriter::integer(const char* key, int64_t value) {
  separate(key);
  out_ += std::to_string(value);
  return *this;
}

JsonWriter& JsonWriter::boolean(const char* key, bool value) {
  separate(key);
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::string(const char* key, const std::string& value) {
  separate(key);
  quoted(value);
  return *this;
}

}  // namespace parley::bench

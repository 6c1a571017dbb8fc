// A small streaming JSON writer for the bench's one-line results (RFC 8259):
// objects, arrays, numbers, booleans and escaped strings. Non-finite numbers
// are written as -1, the bench's "not measured".
#ifndef PARLEY_BENCH_JSON_WRITER_H
#define PARLEY_BENCH_JSON_WRITER_H

#include <cstdint>
#include <string>
#include <vector>

namespace parley::bench {

// Keys are passed only inside objects (nullptr inside arrays and at the top).
// The caller nests begin/end calls correctly; str() is the text so far.
class JsonWriter {
 public:
  JsonWriter& beginObject(const char* key = nullptr);
  JsonWriter& endObject();
  JsonWriter& beginArray(const char* key = nullptr);
  JsonWriter& endArray();
  JsonWriter& number(const char* key, double value);  // up to 3 decimals, zeros trimmed
  JsonWriter& integer(const char* key, int64_t value);
  JsonWriter& boolean(const char* key, bool value);
  JsonWriter& string(const char* key, const std::string& value);
  const std::string& str() const { return out_; }

 private:
  void separate(const char* key);
  void quoted(const std::string& text);

  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
};

}  // namespace parley::bench

#endif  // PARLEY_BENCH_JSON_WRITER_H

#pragma once
// A string that most values leave empty, held off the object: 8 bytes where a std::string
// takes 32. A table cell has three such fields (an anchor, a statistic's key, a number
// format) and a large site has hundreds of thousands of cells, nearly all without them.
// It reads as a const std::string and is assigned like one; an empty value holds nothing.
#include <memory>
#include <string>
#include <string_view>

namespace planpack::model {

class RareString {
public:
    RareString() = default;
    RareString(std::string s) { assign(std::move(s)); }  // NOLINT: a string is a RareString
    RareString(const char* s) : RareString(std::string(s)) {}  // NOLINT
    RareString(const RareString& other) : RareString(other.str()) {}
    RareString(RareString&&) noexcept = default;
    RareString& operator=(const RareString& other) {
        if (this != &other) assign(other.str());
        return *this;
    }
    RareString& operator=(RareString&&) noexcept = default;
    RareString& operator=(std::string s) {
        assign(std::move(s));
        return *this;
    }
    RareString& operator=(const char* s) { return *this = std::string(s); }
    ~RareString() = default;

    const std::string& str() const { return value_ ? *value_ : empty_string(); }
    operator const std::string&() const { return str(); }  // NOLINT: reads as a string
    operator std::string_view() const { return str(); }    // NOLINT
    bool empty() const { return !value_; }

    friend bool operator==(const RareString& a, const RareString& b) { return a.str() == b.str(); }
    friend bool operator==(const RareString& a, const std::string& b) { return a.str() == b; }
    friend bool operator==(const RareString& a, const char* b) { return a.str() == b; }

private:
    void assign(std::string s) {
        value_ = s.empty() ? nullptr : std::make_unique<std::string>(std::move(s));
    }
    static const std::string& empty_string() {
        static const std::string empty;
        return empty;
    }

    std::unique_ptr<std::string> value_;  // null: empty
};

}  // namespace planpack::model

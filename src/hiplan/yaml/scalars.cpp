#include "hiplan/yaml/scalars.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace hiplan::yaml {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Matches -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_plain_decimal(std::string_view s, bool allow_fraction) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
        ++i;
    }
    const std::size_t int_begin = i;
    while (i < s.size() && is_digit(s[i])) {
        ++i;
    }
    if (i == int_begin || (s[int_begin] == '0' && i - int_begin > 1)) {
        return false;
    }
    if (!allow_fraction) {
        return i == s.size();
    }
    if (i < s.size() && s[i] == '.') {
        const std::size_t frac = ++i;
        while (i < s.size() && is_digit(s[i])) {
            ++i;
        }
        if (i == frac) {
            return false;
        }
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
            ++i;
        }
        const std::size_t exp = i;
        while (i < s.size() && is_digit(s[i])) {
            ++i;
        }
        if (i == exp) {
            return false;
        }
    }
    return i == s.size();
}

bool has_leading_zero(std::string_view s) {
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        s.remove_prefix(1);
    }
    return s.size() > 1 && s[0] == '0' && is_digit(s[1]);
}

bool is_special_float(std::string_view s) {
    for (std::string_view w :
         {".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", "+.inf",
          "+.Inf", "+.INF", "nan", "NaN", "inf", "Inf", "infinity", "Infinity"}) {
        if (s == w) {
            return true;
        }
    }
    return false;
}

void set(ScalarProblem* p, RuleId rule, std::string message, std::string hint = {}) {
    if (p != nullptr) {
        *p = {rule, std::move(message), std::move(hint)};
    }
}

// What to do with a number written the way a spreadsheet shows it: "1,300", "46%", "£160".
std::string decorated_number_hint(std::string_view s) {
    const bool has_digit = s.find_first_of("0123456789") != std::string_view::npos;
    if (!has_digit) {
        return {};
    }
    if (s.ends_with('%')) {
        return "write the number alone (46, not 46%) and put '%' in the measure's unit";
    }
    if (s.starts_with("\xC2\xA3") || s.starts_with('$') || s.starts_with("\xE2\x82\xAC")) {
        return "write the number alone (160, not \xC2\xA3"
               "160) and name the currency in the "
               "measure's unit";
    }
    if (s.find(',') != std::string_view::npos) {
        return "write the number without thousands separators (1300, not 1,300), and with '.' "
               "for decimals";
    }
    return {};
}

// Common checks before reading a number: a plain scalar in a recognisable form.
bool numeric_preflight(yaml::NodeRef node, std::string_view what, bool fraction, ScalarProblem* p) {
    if (!node.is_scalar()) {
        set(p, RuleId::WrongType, fmt::format("expected {}, found {}", what, describe(node)));
        return false;
    }
    const std::string_view s = node.text();
    if (!node.is_plain()) {
        set(p, RuleId::WrongType, fmt::format("expected {}, found quoted text \"{}\"", what, s),
            "remove the quotes to write a number");
        return false;
    }
    if (is_special_float(s)) {
        set(p, RuleId::InvalidNumber, fmt::format("'{}' is not a finite number", s),
            "write a plain decimal number; leave the field out if there is no value yet");
        return false;
    }
    if (has_leading_zero(s)) {
        set(p, RuleId::InvalidNumber,
            fmt::format("'{}' has a leading zero, which some YAML readers take as octal", s),
            "remove the leading zero");
        return false;
    }
    if (!is_plain_decimal(s, fraction)) {
        if (fraction || !is_plain_decimal(s, true)) {
            set(p, RuleId::WrongType, fmt::format("expected {}, found text '{}'", what, s),
                decorated_number_hint(s));
        } else {
            set(p, RuleId::WrongType, fmt::format("expected {}, found '{}'", what, s),
                "write a whole number");
        }
        return false;
    }
    return true;
}

}  // namespace

std::string describe(yaml::NodeRef node) {
    if (!node.valid() || node.is_null()) {
        return "nothing";
    }
    if (node.is_sequence()) {
        return "a list";
    }
    if (node.is_mapping()) {
        return "a block of fields";
    }
    if (!node.is_plain()) {
        return fmt::format("text \"{}\"", node.text());
    }
    return fmt::format("'{}'", node.text());
}

std::optional<long long> read_integer(yaml::NodeRef node, ScalarProblem* p) {
    return read_integer_within(node, std::numeric_limits<long long>::min(),
                               std::numeric_limits<long long>::max(), p);
}

std::optional<long long> read_integer_within(yaml::NodeRef node, long long min, long long max,
                                             ScalarProblem* p) {
    if (!numeric_preflight(node, "a whole number", false, p)) {
        return std::nullopt;
    }
    const std::string_view s = node.text();
    const char* begin = s.data() + (s[0] == '+' ? 1 : 0);
    long long value = 0;
    const auto [end, ec] = std::from_chars(begin, s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size() || value < min || value > max) {
        constexpr auto k_lowest = std::numeric_limits<long long>::min();
        constexpr auto k_highest = std::numeric_limits<long long>::max();
        set(p, RuleId::InvalidNumber, fmt::format("'{}' is out of range", s),
            min != k_lowest && max != k_highest
                ? fmt::format("write a whole number from {} to {}", min, max)
            : max != k_highest ? fmt::format("write a whole number of at most {}", max)
            : min != k_lowest  ? fmt::format("write a whole number of at least {}", min)
                               : "write a whole number that fits in 64 bits");
        return std::nullopt;
    }
    return value;
}

std::optional<double> read_number(yaml::NodeRef node, ScalarProblem* p) {
    if (!numeric_preflight(node, "a number", true, p)) {
        return std::nullopt;
    }
    const std::string_view s = node.text();
    const char* begin = s.data() + (s[0] == '+' ? 1 : 0);
    double value = 0;
    const auto [end, ec] = std::from_chars(begin, s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(value)) {
        set(p, RuleId::InvalidNumber, fmt::format("'{}' is out of range", s),
            "write a number between -1e300 and 1e300");
        return std::nullopt;
    }
    return value;
}

std::optional<bool> read_boolean(yaml::NodeRef node, ScalarProblem* p) {
    if (node.is_plain()) {
        if (node.text() == "true") {
            return true;
        }
        if (node.text() == "false") {
            return false;
        }
    }
    set(p, RuleId::WrongType, fmt::format("expected true or false, found {}", describe(node)),
        "write true or false (YAML words such as yes, no, on and off are not accepted)");
    return std::nullopt;
}

std::optional<Date> read_date(yaml::NodeRef node, ScalarProblem* p) {
    if (!node.is_scalar()) {
        set(p, RuleId::WrongType, fmt::format("expected a date, found {}", describe(node)),
            "write dates as YYYY-MM-DD");
        return std::nullopt;
    }
    if (auto d = parse_date(node.text())) {
        return d;
    }
    if (looks_like_date(node.text())) {
        set(p, RuleId::InvalidDate, fmt::format("'{}' is not a real calendar date", node.text()));
    } else {
        set(p, RuleId::InvalidDate,
            fmt::format("'{}' is not a date in the form YYYY-MM-DD", node.text()));
    }
    return std::nullopt;
}

}  // namespace hiplan::yaml

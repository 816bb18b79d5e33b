#include "hiplan/model/read.hpp"

#include "hiplan/yaml/scalars.hpp"

namespace hiplan::model {

std::string text_of(yaml::NodeRef node) {
    return std::string(node.text());  // "" for anything but a scalar
}

std::vector<std::string> texts_of(yaml::NodeRef node) {
    std::vector<std::string> out;
    if (node.is_scalar()) {
        out.emplace_back(node.text());
    }
    for (std::size_t i = 0; i < node.size() && node.is_sequence(); ++i) {
        if (node.item(i).is_scalar()) {
            out.emplace_back(node.item(i).text());
        }
    }
    return out;
}

std::optional<long long> integer_of(yaml::NodeRef node) {
    return yaml::read_integer(node);
}
std::optional<double> number_of(yaml::NodeRef node) {
    return yaml::read_number(node);
}
std::optional<bool> boolean_of(yaml::NodeRef node) {
    return yaml::read_boolean(node);
}
std::optional<Date> date_of(yaml::NodeRef node) {
    return yaml::read_date(node);
}

}  // namespace hiplan::model

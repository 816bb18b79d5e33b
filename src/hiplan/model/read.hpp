#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hiplan/util/date.hpp"
#include "hiplan/yaml/document.hpp"

// Tolerant value readers for documents that have already been checked against their
// shape: a missing or mistyped value reads as empty rather than failing again.
namespace hiplan::model {

std::string text_of(yaml::NodeRef node);
std::vector<std::string> texts_of(yaml::NodeRef node);  // a list, or one scalar
std::optional<long long> integer_of(yaml::NodeRef node);
std::optional<double> number_of(yaml::NodeRef node);
std::optional<bool> boolean_of(yaml::NodeRef node);
std::optional<Date> date_of(yaml::NodeRef node);

// Reads every mapping item of the sequence `list` with `read_one` (other items are
// skipped: the structure check has reported them).
template <typename T, typename ReadOne>
std::vector<T> read_list(yaml::NodeRef list, ReadOne read_one) {
    std::vector<T> out;
    if (!list.is_sequence()) {
        return out;
    }
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (list.item(i).is_mapping()) {
            out.push_back(read_one(list.item(i)));
        }
    }
    return out;
}

}  // namespace hiplan::model

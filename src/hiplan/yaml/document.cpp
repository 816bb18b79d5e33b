#include "hiplan/yaml/document.hpp"

#include <algorithm>

namespace hiplan::yaml {

namespace {

void append_escaped(std::string& out, std::string_view token) {
    for (const char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
}

}  // namespace

void Document::release() {
    std::vector<NodeData>().swap(nodes_);
    std::vector<std::uint32_t>().swap(children_);
    std::string().swap(texts_);
}

NodeRef Document::root() const {
    return nodes_.empty() ? NodeRef{} : NodeRef{this, 0};
}

NodeKind NodeRef::kind() const {
    return valid() ? data().kind : NodeKind::Null;
}

ScalarStyle NodeRef::style() const {
    return valid() ? data().style : ScalarStyle::Plain;
}

std::string_view NodeRef::text() const {
    return valid() && data().kind == NodeKind::Scalar ? doc_->text_of(data()) : std::string_view{};
}

Position NodeRef::position() const {
    return valid() ? data().position : Position{};
}

std::size_t NodeRef::size() const {
    if (!valid()) {
        return 0;
    }
    const auto& d = data();
    if (d.kind == NodeKind::Mapping) {
        return d.child_count / 2;
    }
    return d.kind == NodeKind::Sequence ? d.child_count : 0;
}

NodeRef NodeRef::child(std::size_t i) const {
    return {doc_, doc_->children_[data().first_child + i]};
}

NodeRef NodeRef::item(std::size_t i) const {
    return is_sequence() && i < size() ? child(i) : NodeRef{};
}

NodeRef NodeRef::key(std::size_t i) const {
    return is_mapping() && i < size() ? child(2 * i) : NodeRef{};
}

NodeRef NodeRef::value(std::size_t i) const {
    return is_mapping() && i < size() ? child(2 * i + 1) : NodeRef{};
}

NodeRef NodeRef::get(std::string_view k) const {
    const std::size_t n = is_mapping() ? size() : 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (child(2 * i).text() == k) {
            return child(2 * i + 1);
        }
    }
    return {};
}

NodeRef NodeRef::key_node(std::string_view k) const {
    const std::size_t n = is_mapping() ? size() : 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (child(2 * i).text() == k) {
            return child(2 * i);
        }
    }
    return {};
}

NodeRef NodeRef::parent() const {
    if (!valid() || data().parent == Document::k_none) {
        return {};
    }
    return {doc_, data().parent};
}

std::string NodeRef::pointer(std::size_t max) const {
    // Children are stored in document order, which is also the order of node indices, so a
    // node's place among its parent's children is found by binary search.
    std::vector<std::pair<NodeRef, std::size_t>> path;  // (parent, child position), upwards
    NodeRef node = *this;
    for (NodeRef up = node.parent(); up; node = up, up = up.parent()) {
        const auto begin = doc_->children_.begin() + up.data().first_child;
        const auto end = begin + up.data().child_count;
        const auto it = std::lower_bound(begin, end, node.index_);
        if (it != end && *it == node.index_) {
            path.emplace_back(up, static_cast<std::size_t>(it - begin));
        }
    }
    std::string out;
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
        const auto& [up, at] = *it;
        std::string token;
        if (up.is_sequence()) {
            token = std::to_string(at);
        } else if (const std::string_view key = up.child(at - at % 2).text(); key.size() < max) {
            append_escaped(token, key);
        }
        if (token.empty() || out.size() + 1 + token.size() > max) {
            break;
        }
        out += '/';
        out += token;
    }
    return out;
}

}  // namespace hiplan::yaml

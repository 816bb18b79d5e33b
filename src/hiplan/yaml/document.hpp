#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/util/position.hpp"

namespace hiplan::yaml {

enum class NodeKind : std::uint8_t { Null, Scalar, Sequence, Mapping };

// How a scalar was written. Plain scalars may be typed (numbers, booleans, dates);
// quoted and block scalars are always text.
enum class ScalarStyle : std::uint8_t { Plain, Quoted };

class NodeRef;

// A parsed YAML document: an arena of nodes that remembers where each came from.
//
// Mappings store their entries as alternating key and value nodes; keys are scalar
// nodes, so every key has its own position. Documents are immutable once loaded and
// safe to read from several threads.
class Document {
public:
    struct NodeData {
        NodeKind kind = NodeKind::Null;
        ScalarStyle style = ScalarStyle::Plain;
        bool is_key = false;  // a mapping key (not a value)
        Position position;
        std::uint32_t parent = k_none;
        std::uint32_t first_child = 0;  // index into `children`
        std::uint32_t child_count = 0;  // for mappings: 2 x entries
        std::uint32_t text_offset = 0;  // scalar text: `text_size` bytes of `texts_` from here
        std::uint32_t text_size = 0;
    };
    static constexpr std::uint32_t k_none = 0xFFFFFFFFU;

    [[nodiscard]] NodeRef root() const;
    [[nodiscard]] bool empty() const { return nodes_.empty(); }
    [[nodiscard]] std::size_t node_count() const { return nodes_.size(); }

    // Frees the nodes. Every NodeRef into this document becomes invalid (its accessors
    // return empty values), so typed views read from it stay safe to use without it.
    void release();

private:
    friend class NodeRef;
    friend class Builder;
    [[nodiscard]] std::string_view text_of(const NodeData& node) const {
        return std::string_view(texts_).substr(node.text_offset, node.text_size);
    }

    std::vector<NodeData> nodes_;
    std::vector<std::uint32_t> children_;
    // Every scalar's text, one after the other: a node holds 8 bytes for its text rather
    // than a std::string (32, and a heap block of its own past 15 characters).
    std::string texts_;
};

// A cheap, nullable handle to a node of a Document. A NodeRef for a missing node is
// "invalid": every accessor then returns an empty value, so look-ups can be chained.
class NodeRef {
public:
    NodeRef() = default;
    NodeRef(const Document* doc, std::uint32_t index) : doc_(doc), index_(index) {}

    // False for a missing node, and for every node of a released document.
    [[nodiscard]] bool valid() const { return doc_ != nullptr && index_ < doc_->nodes_.size(); }
    explicit operator bool() const { return valid(); }

    [[nodiscard]] NodeKind kind() const;
    [[nodiscard]] bool is_null() const { return valid() && kind() == NodeKind::Null; }
    [[nodiscard]] bool is_scalar() const { return valid() && kind() == NodeKind::Scalar; }
    [[nodiscard]] bool is_sequence() const { return valid() && kind() == NodeKind::Sequence; }
    [[nodiscard]] bool is_mapping() const { return valid() && kind() == NodeKind::Mapping; }
    [[nodiscard]] ScalarStyle style() const;
    [[nodiscard]] bool is_plain() const { return is_scalar() && style() == ScalarStyle::Plain; }
    // Tells whether this node is a mapping key rather than a value.
    [[nodiscard]] bool is_key() const { return valid() && data().is_key; }

    // The scalar text ("" for anything else). It lives as long as the document's nodes,
    // and not across a move of the document: whatever keeps it beyond them copies it.
    [[nodiscard]] std::string_view text() const;
    [[nodiscard]] Position position() const;

    // Number of items (sequence) or entries (mapping).
    [[nodiscard]] std::size_t size() const;
    // The i-th item of a sequence.
    [[nodiscard]] NodeRef item(std::size_t i) const;
    // The i-th key and value of a mapping.
    [[nodiscard]] NodeRef key(std::size_t i) const;
    [[nodiscard]] NodeRef value(std::size_t i) const;
    // The value for `key` in a mapping, or an invalid NodeRef.
    [[nodiscard]] NodeRef get(std::string_view key) const;
    // The key node of entry `key` (for locating a key rather than its value).
    [[nodiscard]] NodeRef key_node(std::string_view key) const;

    [[nodiscard]] NodeRef parent() const;
    // RFC 6901 JSON Pointer from the document root to this node. A pointer longer than
    // `max` bytes ends after its last whole token that fits: it points to an ancestor.
    [[nodiscard]] std::string pointer(std::size_t max = SIZE_MAX) const;

    [[nodiscard]] std::uint32_t index() const { return index_; }
    [[nodiscard]] bool operator==(const NodeRef& other) const = default;

private:
    [[nodiscard]] const Document::NodeData& data() const { return doc_->nodes_[index_]; }
    [[nodiscard]] NodeRef child(std::size_t i) const;

    const Document* doc_ = nullptr;
    std::uint32_t index_ = 0;
};

}  // namespace hiplan::yaml

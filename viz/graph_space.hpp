// Graph space: the layout's coordinates, in graph units (one lane is LayoutOptions::lane_spacing
// wide). x grows to the right, y grows downward as on screen, so newer events (higher rank)
// have smaller y and sit above their parents, like the reference dumps' rankdir=BT.
#pragma once

namespace parsec::viz {

struct GraphPoint {
    float x = 0.0f;
    float y = 0.0f;
    bool operator==(const GraphPoint&) const = default;
};

struct GraphRect {
    GraphPoint min;
    GraphPoint max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
    bool contains(GraphPoint p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
};

}  // namespace parsec::viz

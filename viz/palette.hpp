// Colours of the graph view, for the dark theme (app/platform/theme.cpp, background #181B20).
// Peer colours are light and moderately saturated, so lanes read apart without shouting;
// semantic colours are saturated and match the reference dumps where those have one
// (crimson interesting, orange observer, cyan payload, spec §9.4).
#pragma once
#include <imgui.h>

#include <cstddef>

namespace parsec::viz {

struct Palette {
    ImU32 background = IM_COL32(20, 23, 28, 255);
    ImU32 lane_band = IM_COL32(255, 255, 255, 9);        // every other lane, faintly
    ImU32 header_background = IM_COL32(30, 34, 40, 235);
    ImU32 text = IM_COL32(226, 230, 236, 255);
    ImU32 text_dim = IM_COL32(142, 150, 162, 255);
    ImU32 text_on_badge = IM_COL32(12, 14, 18, 255);

    ImU32 other_parent_edge = IM_COL32(150, 162, 190, 150);
    ImU32 fork = IM_COL32(196, 120, 255, 255);           // fork slots and side-branch edges
    ImU32 interesting = IM_COL32(220, 20, 60, 255);      // crimson: meta-event with content
    ImU32 observer = IM_COL32(255, 140, 0, 255);         // orange: observer = This
    ImU32 payload = IM_COL32(0, 210, 230, 255);          // cyan: a vote's payload badge
    ImU32 deciding = IM_COL32(255, 215, 64, 255);        // gold ring: a node decided here
    ImU32 accusation = IM_COL32(255, 64, 64, 255);       // red badge: an Accusation vote

    ImU32 selected = IM_COL32(255, 255, 255, 255);
    ImU32 second = IM_COL32(255, 80, 220, 255);          // the Ctrl+clicked event
    ImU32 seen = IM_COL32(90, 170, 255, 255);            // the selected event sees it
    ImU32 strongly_seen = IM_COL32(80, 235, 120, 255);   // ... and strongly sees it
    ImU32 carrier_path = IM_COL32(255, 248, 130, 255);   // a >2/3 path of the pair explanation (paler than gold)
    ImU32 hover = IM_COL32(255, 255, 255, 160);
    ImU32 minimap_view = IM_COL32(255, 255, 255, 200);

    float ghost_alpha = 0.22f;  // events the perspective node has not received yet
};

const Palette& default_palette();

// A light colour per lane, spread by the golden angle so neighbouring lanes differ most.
ImU32 peer_colour(std::size_t lane);
// The same colour with its alpha multiplied by `alpha` (0..1).
ImU32 with_alpha(ImU32 colour, float alpha);

}  // namespace parsec::viz

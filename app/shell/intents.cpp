// Stable intent names: they appear in the status bar, the Messages panel and the STATE line.
#include "shell/intents.hpp"

namespace parsec::app {

const char* intent_name(IntentKind kind) {
    switch (kind) {
        case IntentKind::PlayPause:
            return "PlayPause";
        case IntentKind::NextInput:
            return "NextInput";
        case IntentKind::PreviousInput:
            return "PreviousInput";
        case IntentKind::NextDecision:
            return "NextDecision";
        case IntentKind::PreviousDecision:
            return "PreviousDecision";
        case IntentKind::JumpToStart:
            return "JumpToStart";
        case IntentKind::JumpToEnd:
            return "JumpToEnd";
        case IntentKind::FitView:
            return "FitView";
        case IntentKind::NewCluster:
            return "NewCluster";
        case IntentKind::Open:
            return "Open";
        case IntentKind::Save:
            return "Save";
        case IntentKind::ExportPng:
            return "ExportPng";
        case IntentKind::Quit:
            return "Quit";
    }
    return "Unknown";
}

}  // namespace parsec::app

#!/usr/bin/env bash
# GUI tests: run parsec-debugger under Xvfb with a script, then assert on its exit code, its
# STATE line (stdout), its stderr and its screenshot pixels.
#   gui_tests.sh CASE EXE PNG_CHECKER OUT_DIR SCRIPT_DIR
# Exit 0 pass, 1 fail, 77 skip (no xvfb-run). Each case leaves its PNGs in OUT_DIR/CASE/ so a
# person can look at them.
set -uo pipefail

case_name=$1 exe=$2 checker=$3 out_root=$4 scripts=$5
command -v xvfb-run >/dev/null 2>&1 || { echo "SKIP: xvfb-run not installed"; exit 77; }

out="$out_root/$case_name"
rm -rf "$out" && mkdir -p "$out" && cd "$out" || exit 1
W=1600 H=900

fail() {
  echo "FAIL [$case_name]: $*"
  echo "--- stdout:"; cat stdout.txt 2>/dev/null
  echo "--- stderr:"; cat stderr.txt 2>/dev/null
  exit 1
}

# run_app ARGS...: runs the app under a fresh Xvfb; sets $rc.
# -noreset: when the app disconnects, a resetting Xvfb signals xvfb-run (SIGUSR1) again, which can
# interrupt xvfb-run's clean-up: it then exits 5 instead of the app's code and leaks the Xvfb.
# `-a` can also race with a parallel test for a display number. Both failures are retried; the
# app's runs are repeatable.
run_app() {
  for attempt in 1 2 3 4; do
    xvfb-run -a -s "-screen 0 ${W}x${H}x24 -noreset" "$exe" gui "$@" >stdout.txt 2>stderr.txt
    rc=$?
    grep -q "Xvfb failed to start\|problem while cleaning up" stderr.txt || return 0
    sleep "0.$((RANDOM % 9 + 1))"
  done
}

state() { grep -o "^STATE .*" stdout.txt | tail -n 1; }
expect_state() {  # expect_state key=value ...
  local line; line=$(state)
  [ -n "$line" ] || fail "no STATE line"
  for kv in "$@"; do
    grep -q -- " $kv\( \|$\)" <<<"$line" || fail "STATE lacks '$kv'"
  done
}
expect_rc() { [ "$rc" -eq "$1" ] || fail "exit code $rc, expected $1"; }
check_png() { "$checker" "$@" || fail "pixel check on $1"; }
# The menu bar (top 20 px, left 260 px) holds "File Playback View Help" in light text.
check_shell_png() { check_png "$1" --size "${W}x${H}" --not-uniform --bright 0 0 260 20 80; }
# With an overlay or modal the rest is dimmed, so only the centre has light text.
check_overlay_png() {
  check_png "$1" --size "${W}x${H}" --not-uniform --bright 540 300 1060 600 300
}

case "$case_name" in
  shell_renders)  # the shell draws its chrome and placeholder, with readable text
    run_app --script "$scripts/idle.txt" --screenshot shell.png
    expect_rc 0
    expect_state font=dejavu help_overlay=0 error_modal=0 intents=-
    state | grep -q ' panels=[^ ]*Messages' || fail "the Messages panel is not open"
    check_shell_png shell.png
    # The centre slot (the graph panel, or the shell's placeholder) has a titled tab.
    read -r cx cy _ < <(state | grep -o 'center:[0-9]*,[0-9]*' | cut -d: -f2 | tr ',' ' ')
    [ -n "$cy" ] || fail "no centre slot in STATE"
    check_png shell.png --bright "$cx" "$cy" "$((cx + 200))" "$((cy + 24))" 40
    ;;
  size_option)  # --size sets the framebuffer, so the PNG has exactly the requested size
    W=1024 H=640
    run_app --script "$scripts/idle.txt" --screenshot small.png --size 1024x640
    expect_rc 0
    check_png small.png --size 1024x640 --not-uniform --bright 0 0 260 20 80
    ;;
  help_overlay)  # `?` opens the overlay: state says so and the centre of the window changes
    run_app --script "$scripts/idle.txt" --screenshot base.png
    expect_rc 0
    run_app --script "$scripts/help_overlay.txt" --screenshot help.png
    expect_rc 0
    expect_state help_overlay=1
    check_overlay_png help.png
    check_png help.png --differs base.png 600 250 1000 650 0.20
    ;;
  help_toggle)  # ? / F1 toggle, Esc closes: ?,? → closed; F1 → open; Esc → closed; ? → open
    run_app --script "$scripts/help_toggle.txt" --screenshot toggle.png
    expect_rc 0
    expect_state help_overlay=1
    ;;
  global_keys)  # keys keep working after clicking a panel, and map to the right intents
    run_app --script "$scripts/global_keys.txt" --screenshot keys.png
    expect_rc 0
    expect_state focused_panel=Messages \
      intents=PlayPause,NextInput,NextDecision,PreviousInput,PreviousDecision,JumpToStart,$(
             )JumpToEnd,FitView,Save
    ;;
  keys_while_typing)  # a focused text field swallows Space, arrows and letters
    run_app --script "$scripts/keys_while_typing.txt" --screenshot typing.png
    expect_rc 0
    expect_state prompt=Open intents=Open
    ;;
  load_error)  # a missing file gives the modal naming the file; the app keeps running
    run_app --script "$scripts/load_error.txt" --screenshot error.png
    expect_rc 0
    expect_state error_modal=1 error_file=/nonexistent/parsec-gui-test.pcrec \
      intents=Open,Open:/nonexistent/parsec-gui-test.pcrec
    check_overlay_png error.png
    ;;
  mid_screenshot)  # `screenshot FILE` mid-script writes a PNG without the later overlay
    run_app --script "$scripts/mid_screenshot.txt" --screenshot end.png
    expect_rc 0
    check_shell_png mid.png
    check_png end.png --differs mid.png 600 250 1000 650 0.20
    ls ./*.tmp-* >/dev/null 2>&1 && fail "temporary files left behind"
    ;;
  export_png)  # File › Export PNG… writes the default file once the prompt has gone
    run_app --script "$scripts/export_png.txt"
    expect_rc 0
    [ -f parsec-debugger.png ] || fail "parsec-debugger.png not written"
    check_shell_png parsec-debugger.png
    ;;
  quit)  # Ctrl+Q quits right away (the final screenshot is still written)
    run_app --script "$scripts/quit.txt" --screenshot quit.png
    expect_rc 0
    expect_state intents=Quit
    check_shell_png quit.png
    ;;
  layout_persists)  # a dragged splitter is remembered via --config-dir, and only there
    run_app --script "$scripts/idle.txt" --config-dir cfg
    expect_rc 0
    bottom_y=$(state | grep -o 'bottom:[0-9]*,[0-9]*' | cut -d, -f2)
    [ -n "$bottom_y" ] || fail "no bottom slot in STATE"
    gap_y=$((bottom_y - 3))
    printf 'drag 800 %d 800 %d\nframes 2\n' "$gap_y" "$((gap_y - 160))" > drag.txt
    run_app --script drag.txt --config-dir cfg --screenshot dragged.png
    expect_rc 0
    dragged=$(state | grep -o 'layout=[^ ]*')
    default_layout=layout=left:0.190,right:0.270,bottom:0.240
    [ "$dragged" != "$default_layout" ] || fail "drag did not move the splitter"
    grep -q '^layout.bottom=' cfg/settings.txt || fail "settings.txt lacks layout.bottom"
    run_app --script "$scripts/idle.txt" --config-dir cfg
    expect_state "$dragged"
    run_app --script "$scripts/idle.txt"
    expect_state "$default_layout"
    ;;
  font_fallback)  # missing font files fall back to ImGui's built-in font instead of aborting
    PARSEC_FONT_DIR=/nonexistent \
      run_app --script "$scripts/help_overlay.txt" --screenshot nofont.png
    expect_rc 0
    expect_state font=builtin help_overlay=1
    check_overlay_png nofont.png
    ;;
  unknown_action)  # a typo is exit 2, names file and line, and opens no window
    run_app --script "$scripts/unknown_action.txt" --screenshot never.png
    expect_rc 2
    grep -q "unknown_action.txt:5: unknown action 'wiggle'" stderr.txt ||
      fail "stderr does not name line 5"
    [ ! -f never.png ] || fail "a screenshot was written"
    ;;
  bad_argument)  # a bad argument is exit 2 naming file, line and the argument
    run_app --script "$scripts/bad_argument.txt"
    expect_rc 2
    grep -q "bad_argument.txt:3: frames: 'many' is not a whole number" stderr.txt || fail "stderr"
    run_app --script "$scripts/bad_key.txt"
    expect_rc 2
    grep -q "bad_key.txt:1: key: unknown key 'Banana'" stderr.txt || fail "stderr for bad key"
    run_app --script "$scripts/does-not-exist.txt"
    expect_rc 2
    grep -q "does-not-exist.txt" stderr.txt || fail "stderr does not name the missing script"
    ;;
  *)
    fail "unknown case"
    ;;
esac
echo "PASS [$case_name]"

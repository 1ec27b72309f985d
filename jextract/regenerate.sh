#!/usr/bin/env bash
# Regenerates the FFM bindings with jextract (https://jdk.java.net/jextract/)
# where it is installed. jstrace does not ship generated code: jextract could
# not be installed where jstrace was written, so the classes listed in
# README.md are hand-written in jextract's shape and checked against the real
# headers by src/test/java/dev/jstrace/ffi/LayoutProbeTest.java.
set -euo pipefail
cd "$(dirname "$0")"
exec jextract --output generated --target-package dev.jstrace.ffi.gen \
  --library c @symbols.txt headers.h

// The wire form of GCS preconditions, shared by mutations and forwarded requests.
#pragma once

#include "engine/ns/object.h"
#include "engine/wire/wire_reader.h"
#include "engine/wire/wire_writer.h"

namespace estate {

void PutPreconditions(WireWriter& w, const Preconditions& p);
// Returns false (and leaves the reader failed) on malformed input.
bool GetPreconditions(WireReader& r, Preconditions* p);

}  // namespace estate

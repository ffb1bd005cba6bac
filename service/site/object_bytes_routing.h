// How real object bytes ride on the engine's data messages. The engine moves bytes by sending
// a DataTransfer message (engine/data) that names an object generation; in simulation the
// bytes are only a size (Message::wire_bytes). In the service the runtime attaches the real
// bytes to that message and stores them at the receiving site before the engine sees it, so
// the engine stays free of I/O and unchanged:
//
//   sender:   BodyKeyFor() names the generation's bytes by content address, looked up in the
//             engine's namespace (loop thread); the peer link streams the file after the frame.
//   receiver: the peer connection stores and checks the bytes (ObjectStore), then
//             AcceptDelivery() lets the message through only if bytes matching the transfer's
//             size and CRC32C came with it, so the engine never records a residency it lacks.
#pragma once

#include <string>

#include "engine/node/engine_node.h"
#include "engine/result.h"
#include "engine/runtime.h"

namespace estate::service {

// The content-address key of the bytes msg must carry: "" for a message that carries none.
// Errors: the message is a transfer of a generation this site no longer knows, or whose MD5
// it does not know. REQUIRES: the loop thread (reads the engine's namespace).
Result<std::string> BodyKeyFor(const EngineNode& engine, const Message& msg);

// Whether msg, received with the stored bytes named body_key ("" for none), may be delivered.
bool AcceptDelivery(const Message& msg, const std::string& body_key);

}  // namespace estate::service

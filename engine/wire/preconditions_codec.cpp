#include "engine/wire/preconditions_codec.h"

namespace estate {

void PutPreconditions(WireWriter& w, const Preconditions& p) {
  w.PutOptionalSignedVarint(p.if_generation_match);
  w.PutOptionalSignedVarint(p.if_generation_not_match);
  w.PutOptionalSignedVarint(p.if_metageneration_match);
  w.PutOptionalSignedVarint(p.if_metageneration_not_match);
}

bool GetPreconditions(WireReader& r, Preconditions* p) {
  return r.GetOptionalSignedVarint(&p->if_generation_match) &&
         r.GetOptionalSignedVarint(&p->if_generation_not_match) &&
         r.GetOptionalSignedVarint(&p->if_metageneration_match) &&
         r.GetOptionalSignedVarint(&p->if_metageneration_not_match);
}

}  // namespace estate

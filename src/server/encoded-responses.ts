// TranscriptService's definition for the server, with one change to the
// generated one: StreamProcess responses may arrive already serialised (the
// workers encode processed segments), and those bytes go to the wire as they
// are. Everything else is serialised as usual.
import { StreamProcessResponse, TranscriptServiceService } from "../gen/lipi/v1/transcript.js";

/** A StreamProcessResponse already serialised by a worker. */
export class EncodedResponse {
  constructor(readonly bytes: Buffer) {}
}

export type OutgoingResponse = StreamProcessResponse | EncodedResponse;

export const transcriptServiceDefinition = {
  ...TranscriptServiceService,
  streamProcess: {
    ...TranscriptServiceService.streamProcess,
    responseSerialize: (value: OutgoingResponse): Buffer =>
      value instanceof EncodedResponse ? value.bytes : Buffer.from(StreamProcessResponse.encode(value).finish()),
  },
} as const;

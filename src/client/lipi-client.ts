// A thin ergonomic wrapper over the generated TranscriptService client:
// stream segments in as an async iterable, get responses out as one, with
// write back-pressure honoured so a fast producer never buffers unbounded.
import {
  credentials,
  InterceptingCall,
  type ChannelCredentials,
  type ClientDuplexStream,
  type Interceptor,
  type Metadata,
} from "@grpc/grpc-js";
import {
  TranscriptServiceClient,
  type Segment,
  type StreamConfig,
  type StreamProcessRequest,
  type StreamProcessResponse,
} from "../gen/lipi/v1/transcript.js";

export type SegmentDraft = Partial<Segment> & ({ text: string } | { words: Segment["words"] });
export type ConfigDraft = Partial<StreamConfig>;

export interface LipiClientOptions {
  credentials?: ChannelCredentials;
  metadata?: Metadata;
  /** Bearer JWT sent as `authorization` metadata on every call. */
  token?: string;
}

/**
 * Adds `authorization: Bearer <token>` to every call. An interceptor rather
 * than call credentials, which grpc-js refuses to combine with a plaintext
 * channel (lipi on loopback in development).
 */
export function bearerTokenInterceptor(token: string): Interceptor {
  const value = `Bearer ${token}`;
  return (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        metadata.set("authorization", value);
        next(metadata, listener);
      },
    });
}

/** A Segment with the wire defaults filled in (a final, unnumbered, empty segment). */
export function segment(draft: Partial<Segment>): Segment {
  return { id: "", seq: 0, isFinal: true, stability: 0, startMs: 0, endMs: 0, text: "", words: [], speaker: "", ...draft };
}

export function streamConfig(draft: ConfigDraft = {}): StreamConfig {
  return { profile: "", stages: {}, lexiconIds: [], language: "", sessionId: "", persist: false, interimHandling: 0, ...draft };
}

export class LipiClient {
  readonly raw: TranscriptServiceClient;

  constructor(address: string, private readonly options: LipiClientOptions = {}) {
    this.raw = new TranscriptServiceClient(
      address,
      options.credentials ?? credentials.createInsecure(),
      options.token ? { interceptors: [bearerTokenInterceptor(options.token)] } : {},
    );
  }

  /**
   * Sends the config, then every segment from `segments`, and yields each
   * response in order. Ends when the server has answered everything.
   */
  async *stream(config: ConfigDraft, segments: AsyncIterable<SegmentDraft> | Iterable<SegmentDraft>): AsyncGenerator<StreamProcessResponse> {
    const call = this.options.metadata ? this.raw.streamProcess(this.options.metadata) : this.raw.streamProcess();
    const sending = sendAll(call, config, segments);
    sending.catch(() => call.cancel());
    for await (const response of call as AsyncIterable<StreamProcessResponse>) yield response;
    await sending;
  }

  close(): void {
    this.raw.close();
  }
}

async function sendAll(
  call: ClientDuplexStream<StreamProcessRequest, StreamProcessResponse>,
  config: ConfigDraft,
  segments: AsyncIterable<SegmentDraft> | Iterable<SegmentDraft>,
): Promise<void> {
  const write = async (request: StreamProcessRequest) => {
    if (!call.write(request)) await new Promise((resolve) => call.once("drain", resolve));
  };
  await write({ request: { $case: "config", value: streamConfig(config) } });
  for await (const draft of segments) await write({ request: { $case: "segment", value: segment(draft) } });
  call.end();
}

// A grpc.health.v1 client for tests, from the proto that grpc-health-check ships.
import { credentials, loadPackageDefinition, type ChannelCredentials, type Client, type ClientReadableStream } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";
import { protoPath } from "grpc-health-check";

export type HealthClient = Client & {
  check(req: { service: string }, cb: (err: Error | null, res?: { status: string }) => void): void;
  watch(req: { service: string }): ClientReadableStream<{ status: string }>;
};

/** Health is public: no token. `channel` for a TLS server. */
export function healthClient(address: string, channel: ChannelCredentials = credentials.createInsecure()): HealthClient {
  const pkg = loadPackageDefinition(loadSync(protoPath, { enums: String })) as any;
  return new pkg.grpc.health.v1.Health(address, channel);
}

/** The serving status of one service ("" for the whole server). */
export function checkHealth(client: HealthClient, service: string): Promise<string> {
  return new Promise((resolve, reject) => client.check({ service }, (err, res) => (err ? reject(err) : resolve(res!.status))));
}

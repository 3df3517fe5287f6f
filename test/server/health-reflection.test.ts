// grpc.health.v1 Check and Watch, and server reflection listing the services.
import { credentials, loadPackageDefinition, status, type Client, type ClientReadableStream } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";
import { protoPath as healthProtoPath } from "grpc-health-check";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";

type HealthClient = Client & {
  check(req: { service: string }, cb: (err: Error | null, res?: { status: string }) => void): void;
  watch(req: { service: string }): ClientReadableStream<{ status: string }>;
};

const require = createRequire(import.meta.url);
const reflectionProto = join(dirname(require.resolve("@grpc/reflection/package.json")), "build/proto/grpc/reflection/v1/reflection.proto");

function healthClient(address: string): HealthClient {
  const pkg = loadPackageDefinition(loadSync(healthProtoPath, { enums: String })) as any;
  return new pkg.grpc.health.v1.Health(address, credentials.createInsecure());
}

const check = (client: HealthClient, service: string) =>
  new Promise<{ status: string }>((resolve, reject) => client.check({ service }, (err, res) => (err ? reject(err) : resolve(res!))));

let lipi: TestLipi;
beforeAll(async () => {
  lipi = await startTestLipi("pglite");
});
afterAll(async () => {
  await lipi?.stop();
});

describe("health", () => {
  it("reports SERVING for the server and for TranscriptService, NOT_FOUND for unknown services", async () => {
    const client = healthClient(lipi.address);
    expect((await check(client, "")).status).toBe("SERVING");
    expect((await check(client, "lipi.v1.TranscriptService")).status).toBe("SERVING");
    await expect(check(client, "no.such.Service")).rejects.toMatchObject({ code: status.NOT_FOUND });
    client.close();
  });

  it("streams status changes to watchers", async () => {
    const client = healthClient(lipi.address);
    const seen: string[] = [];
    const watch = client.watch({ service: "lipi.v1.TranscriptService" });
    watch.on("error", () => undefined);
    const twoUpdates = new Promise<void>((resolve) => {
      watch.on("data", (m: { status: string }) => {
        seen.push(m.status);
        if (seen.length === 2) resolve();
      });
    });
    await new Promise((r) => setTimeout(r, 100));
    lipi.lipi.server.health.setAll("NOT_SERVING");
    await twoUpdates;
    lipi.lipi.server.health.setAll("SERVING");
    expect(seen).toEqual(["SERVING", "NOT_SERVING"]);
    watch.cancel();
    client.close();
  });
});

describe("reflection", () => {
  it("lists the services so grpcurl and ghz work without proto files", async () => {
    const pkg = loadPackageDefinition(loadSync(reflectionProto)) as any;
    const client = new pkg.grpc.reflection.v1.ServerReflection(lipi.address, credentials.createInsecure());
    const call = client.ServerReflectionInfo();
    const response = await new Promise<any>((resolve, reject) => {
      call.on("data", resolve);
      call.on("error", reject);
      call.write({ listServices: "" });
    });
    call.end();
    const names = response.listServicesResponse.service.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(["lipi.v1.TranscriptService", "grpc.health.v1.Health"]));
    client.close();
  });

  it("serves the file descriptor for TranscriptService", async () => {
    const pkg = loadPackageDefinition(loadSync(reflectionProto)) as any;
    const client = new pkg.grpc.reflection.v1.ServerReflection(lipi.address, credentials.createInsecure());
    const call = client.ServerReflectionInfo();
    const response = await new Promise<any>((resolve, reject) => {
      call.on("data", resolve);
      call.on("error", reject);
      call.write({ fileContainingSymbol: "lipi.v1.TranscriptService" });
    });
    call.end();
    const files: Buffer[] = response.fileDescriptorResponse.fileDescriptorProto;
    expect(files.length).toBeGreaterThan(0);
    expect(Buffer.concat(files).toString("latin1")).toContain("StreamProcess");
    client.close();
  });
});

// grpc.health.v1 Check and Watch, and server reflection listing the services.
import { credentials, loadPackageDefinition, status } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHealth, healthClient } from "../helpers/health.js";
import { startTestLipi, type TestLipi } from "../helpers/lipi.js";

const require = createRequire(import.meta.url);
const reflectionProto = join(dirname(require.resolve("@grpc/reflection/package.json")), "build/proto/grpc/reflection/v1/reflection.proto");

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
    expect(await checkHealth(client, "")).toBe("SERVING");
    expect(await checkHealth(client, "lipi.v1.TranscriptService")).toBe("SERVING");
    await expect(checkHealth(client, "no.such.Service")).rejects.toMatchObject({ code: status.NOT_FOUND });
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

/** One ServerReflectionInfo exchange: send a request, return the first answer. */
async function reflect(request: Record<string, string>): Promise<any> {
  const pkg = loadPackageDefinition(loadSync(reflectionProto)) as any;
  const client = new pkg.grpc.reflection.v1.ServerReflection(lipi.address, credentials.createInsecure());
  const call = client.ServerReflectionInfo();
  try {
    return await new Promise<any>((resolve, reject) => {
      call.on("data", resolve);
      call.on("error", reject);
      call.write(request);
    });
  } finally {
    call.end();
    client.close();
  }
}

describe("reflection", () => {
  it("lists the services so grpcurl and ghz work without proto files", async () => {
    const response = await reflect({ listServices: "" });
    const names = response.listServicesResponse.service.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(["lipi.v1.TranscriptService", "grpc.health.v1.Health"]));
  });

  it("serves the file descriptor for TranscriptService", async () => {
    const response = await reflect({ fileContainingSymbol: "lipi.v1.TranscriptService" });
    const files: Buffer[] = response.fileDescriptorResponse.fileDescriptorProto;
    expect(files.length).toBeGreaterThan(0);
    expect(Buffer.concat(files).toString("latin1")).toContain("StreamProcess");
  });
});

// Server reflection (v1 and v1alpha) from the descriptor set `npm run gen`
// builds next to the generated code, so grpcurl, ghz and Postman work
// without the proto files.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Server } from "@grpc/grpc-js";
import { loadFileDescriptorSetFromBuffer } from "@grpc/proto-loader";
import { ReflectionService } from "@grpc/reflection";

const DESCRIPTORS = fileURLToPath(new URL("../gen/descriptors.binpb", import.meta.url));

export function addReflection(server: Server): void {
  const definition = loadFileDescriptorSetFromBuffer(readFileSync(DESCRIPTORS));
  new ReflectionService(definition).addToServer(server);
}

// The OpenTelemetry JS side of the interop tests (tests/interop/tst_otlpinterop.cpp).
//
//   node otlp-peer.mjs decode <traces|metrics|logs> <protobuf|json> <body> <out.json>
//       Reads a request body with the OpenTelemetry JS protobuf definitions (otlp-transformer
//       0.214's generated root) and writes it back as canonical OTLP/JSON: ids as hex, 64-bit
//       integers as strings, enums as numbers, NaN/Infinity/-0 as strings. JSON input goes
//       through the same definitions (fromObject), so unknown or misspelt fields are dropped.
//   node otlp-peer.mjs emit <folder>
//       Runs the real SDK with the six OTLP exporters (-http and -proto, for each signal,
//       uncompressed and gzip) against a local HTTP server and stores every request body they
//       send as <exporter>-<compression>-<signal>.body, with its canonical JSON beside it.
//   node otlp-peer.mjs send <base-url>
//       Runs the same exporters against a receiver at <base-url> (the workbench's), each
//       combination under its own service.name, oteljs-<http|proto>-<none|gzip>.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import fs from 'node:fs';
import http from 'node:http';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const root = require(join(here, 'node_modules/otlp-transformer-decoder/build/src/generated/root.js'));
const proto = root.opentelemetry.proto;
const requestTypes = {
  traces: proto.collector.trace.v1.ExportTraceServiceRequest,
  metrics: proto.collector.metrics.v1.ExportMetricsServiceRequest,
  logs: proto.collector.logs.v1.ExportLogsServiceRequest,
};
const idKeys = new Set(['traceId', 'spanId', 'parentSpanId']);

function mapIds(value, convert) {
  if (Array.isArray(value)) return value.map((item) => mapIds(item, convert));
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const out = {};
  for (const [key, item] of Object.entries(value))
    out[key] = idKeys.has(key) && typeof item === 'string' ? convert(item) : mapIds(item, convert);
  return out;
}

function canonical(signal, encoding, body) {
  const type = requestTypes[signal];
  let message;
  if (encoding === 'protobuf') {
    message = type.decode(body);
  } else {
    const parsed = mapIds(JSON.parse(body.toString('utf8')), (hex) => Buffer.from(hex, 'hex').toString('base64'));
    // Through the wire format and back: fromObject marks fixed64 values as signed (18446744073709551615
    // would come out as -1); the binary round trip gives them their proto types again.
    message = type.decode(type.encode(type.fromObject(parsed)).finish());
  }
  const object = type.toObject(message, { longs: String, enums: Number, bytes: String, json: true });
  const withHexIds = mapIds(object, (base64) => Buffer.from(base64, 'base64').toString('hex'));
  return JSON.stringify(withHexIds, (key, item) => (typeof item === 'number' && Object.is(item, -0) ? '-0' : item));
}

async function loadSdk() {
  const { resourceFromAttributes } = await import('@opentelemetry/resources');
  const { BasicTracerProvider, SimpleSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
  const { MeterProvider, PeriodicExportingMetricReader } = await import('@opentelemetry/sdk-metrics');
  const { LoggerProvider, SimpleLogRecordProcessor } = await import('@opentelemetry/sdk-logs');
  const { SpanKind, SpanStatusCode, ValueType, trace, context } = await import('@opentelemetry/api');
  const exporters = {
    http: {
      traces: (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter,
      metrics: (await import('@opentelemetry/exporter-metrics-otlp-http')).OTLPMetricExporter,
      logs: (await import('@opentelemetry/exporter-logs-otlp-http')).OTLPLogExporter,
    },
    proto: {
      traces: (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter,
      metrics: (await import('@opentelemetry/exporter-metrics-otlp-proto')).OTLPMetricExporter,
      logs: (await import('@opentelemetry/exporter-logs-otlp-proto')).OTLPLogExporter,
    },
  };
  return { resourceFromAttributes, BasicTracerProvider, SimpleSpanProcessor, MeterProvider, PeriodicExportingMetricReader, LoggerProvider, SimpleLogRecordProcessor, SpanKind, SpanStatusCode, ValueType, trace, context, exporters };
}

// Runs the six exporters (http and proto, uncompressed and gzip, per signal) against `base`.
// `label(name)` is told which exporter is about to send; `serviceName(kind, compression)` names
// the resource, so that each combination's records can be told apart at the receiver.
async function runExporters(base, label, serviceName) {
  const { resourceFromAttributes, BasicTracerProvider, SimpleSpanProcessor, MeterProvider, PeriodicExportingMetricReader, LoggerProvider, SimpleLogRecordProcessor, SpanKind, SpanStatusCode, ValueType, trace, context, exporters } = await loadSdk();
  const resourceFor = (kind, compression) => resourceFromAttributes({ 'service.name': serviceName(kind, compression), 'service.version': '1.2.3', 'project.name': 'interop', 'host.cores': 8 });

  for (const kind of ['http', 'proto']) {
    for (const compression of ['none', 'gzip']) {
      const resource = resourceFor(kind, compression);
      const options = (signal) => ({ url: `${base}/v1/${signal}`, compression, timeoutMillis: 5000 });
      label(`${kind}-${compression}-traces`);
      const tracerProvider = new BasicTracerProvider({ resource, spanProcessors: [new SimpleSpanProcessor(new exporters[kind].traces(options('traces')))] });
      const tracer = tracerProvider.getTracer('oteljs.interop', '0.0.1');
      const parent = tracer.startSpan('parent-op', {
        kind: SpanKind.SERVER,
        attributes: { 'attr.str': 'olá ✓', 'attr.int': 42, 'attr.double': 3.25, 'attr.bool': true, 'attr.str_arr': ['a', 'b'], 'attr.int_arr': [1, 2, 3], 'attr.empty': '' },
      });
      parent.addEvent('cache.miss', { 'event.key': 'k1', 'event.count': 7 });
      const child = tracer.startSpan('child-op', { kind: SpanKind.CLIENT, links: [{ context: parent.spanContext(), attributes: { 'link.kind': 'follows' } }] }, trace.setSpan(context.active(), parent));
      child.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream failed' });
      child.end();
      parent.end();
      await tracerProvider.forceFlush();
      await tracerProvider.shutdown();

      label(`${kind}-${compression}-metrics`);
      const reader = new PeriodicExportingMetricReader({ exporter: new exporters[kind].metrics(options('metrics')), exportIntervalMillis: 3600000 });
      const meterProvider = new MeterProvider({ resource, readers: [reader] });
      const meter = meterProvider.getMeter('oteljs.interop', '0.0.1');
      const requests = meter.createCounter('test.requests', { description: 'requests', unit: '{request}' });
      requests.add(3, { route: '/a' });
      requests.add(2, { route: '/b' });
      meter.createCounter('test.bytes', { unit: 'By', valueType: ValueType.INT }).add(1024);
      meter.createGauge('test.temperature', { unit: 'Cel' }).record(-21.5, { room: 'lab' });
      const latency = meter.createHistogram('test.latency', { unit: 'ms', advice: { explicitBucketBoundaries: [1, 10, 100] } });
      for (const value of [0.5, 5, 50, 500]) latency.record(value, { route: '/a' });
      meter.createUpDownCounter('test.queue').add(-4);
      await meterProvider.forceFlush();
      await meterProvider.shutdown();

      label(`${kind}-${compression}-logs`);
      const loggerProvider = new LoggerProvider({ resource, processors: [new SimpleLogRecordProcessor({ exporter: new exporters[kind].logs(options("logs")) })] });
      const logger = loggerProvider.getLogger('oteljs.interop', '0.0.1');
      for (const [severityNumber, severityText] of [[5, 'DEBUG'], [9, 'INFO'], [13, 'WARN'], [17, 'ERROR'], [21, 'FATAL']])
        logger.emit({ severityNumber, severityText, body: `message at ${severityText}`, attributes: { 'log.int': severityNumber, 'log.ok': severityNumber < 17 } });
      logger.emit({ severityNumber: 9, body: { k: 'structured', n: 1, nested: { list: [1, 'two'] } }, context: trace.setSpan(context.active(), parent) });
      await loggerProvider.forceFlush();
      await loggerProvider.shutdown();
    }
  }
}

async function emit(folder) {
  let current = '';
  const received = [];
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({ name: current, path: request.url, type: request.headers['content-type'], encoding: request.headers['content-encoding'] || 'none', body });
      response.writeHead(200, { 'Content-Type': request.headers['content-type'] });
      response.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  await runExporters(base, (name) => { current = name; }, () => 'oteljs-peer');
  server.close();

  fs.mkdirSync(folder, { recursive: true });
  const counts = {};
  for (const item of received) {
    counts[item.name] = (counts[item.name] || 0) + 1;
    const name = counts[item.name] === 1 ? item.name : `${item.name}-${counts[item.name]}`;
    const signal = item.path.split('/').pop();
    const encoding = item.type.startsWith('application/x-protobuf') ? 'protobuf' : 'json';
    const plain = item.encoding === 'gzip' ? gunzipSync(item.body) : item.body;
    fs.writeFileSync(join(folder, `${name}.body`), item.body);
    fs.writeFileSync(join(folder, `${name}.meta.json`), JSON.stringify({ path: item.path, contentType: item.type, contentEncoding: item.encoding, signal, encoding }));
    fs.writeFileSync(join(folder, `${name}.canonical.json`), canonical(signal, encoding, plain));
  }
  console.log(`captured ${received.length} requests`);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'decode') {
  const [signal, encoding, input, output] = args;
  fs.writeFileSync(output, canonical(signal, encoding, fs.readFileSync(input)));
} else if (command === 'emit') {
  await emit(args[0]);
} else if (command === 'send') {
  // The exporters against a real receiver: each combination is its own service.
  await runExporters(args[0], () => {}, (kind, compression) => `oteljs-${kind}-${compression}`);
  console.log('sent');
} else {
  console.error('usage: otlp-peer.mjs decode <signal> <protobuf|json> <body> <out.json> | emit <folder> | send <base-url>');
  process.exit(2);
}

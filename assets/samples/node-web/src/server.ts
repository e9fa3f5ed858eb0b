import express, { Request, Response } from "express";

const app = express();
const port = Number(process.env.PORT ?? 3000);
const started = new Date();

app.get("/health", (_req: Request, res: Response) => {
  res.json({ status: "ok", node: process.version, uptimeSeconds: Math.round(process.uptime()) });
});

app.get("/", (_req: Request, res: Response) => {
  res.type("text/plain").send(`hello from node-web, up since ${started.toISOString()}\n`);
});

const server = app.listen(port, () => {
  console.log(`node-web listening on port ${port}`);
});

// docker stop sends SIGTERM; close the server so the container stops promptly.
process.on("SIGTERM", () => server.close(() => process.exit(0)));

// Entry point: styles and the application shell.
import "./styles.css";
import { createApp } from "./app";
import type { Tab } from "./views/editor";

const mount = document.getElementById("root");
if (mount) {
  const app = createApp(mount);
  // Dev only (screenshots of the mocked UI): ?open=<id>&tab=history|compare
  if (import.meta.env.DEV) {
    const params = new URLSearchParams(location.search);
    const id = params.get("open");
    if (id) {
      void app.openRelease(id, (params.get("tab") as Tab | null) ?? "edit");
    }
  }
}

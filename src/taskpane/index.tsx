import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

/* global Office, document */

function render(): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(<App />);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => render());
} else {
  render();
}

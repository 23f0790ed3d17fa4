// Entry point: styles and the application shell.
import "./styles.css";
import { createApp } from "./app";

const mount = document.getElementById("root");
if (mount) createApp(mount);

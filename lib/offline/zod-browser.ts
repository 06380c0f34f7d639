/**
 * zod's object schemas probe `new Function` when they are built, to pick a
 * faster parser; under the app's CSP (no 'unsafe-eval') that probe is a
 * reported violation. Imported first by the browser's offline modules, this
 * builds their schemas without it. On the server (rendering the review
 * screen) nothing changes.
 */
import { config } from "zod";

if (typeof window !== "undefined") config({ jitless: true });

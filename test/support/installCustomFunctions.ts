// Every test process gets the CustomFunctions stand-in, as Excel's runtime would provide it.
import { createCustomFunctions } from "./customFunctionsStub";

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = createCustomFunctions();

// The open-programme check lives with the use cases; adapters not yet moved there import it here.
export { requireOpenProgramme } from "../usecases/openProgramme.js";

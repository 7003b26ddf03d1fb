// The programme-end check (GZ-5.2 / DG-18) lives with the use cases; adapters that still decide
// for themselves import it from here.
export { requireOpenProgramme } from "../usecases/openProgramme.js";

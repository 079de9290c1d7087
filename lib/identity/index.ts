export { checkDigit, idNumberProblem, withCheckDigit } from "./checksum";
export { parseIin, iinPrefix, type IinFacts, type IinProblem, type IinSex } from "./iin";
export { binProblem, type BinProblem } from "./bin";

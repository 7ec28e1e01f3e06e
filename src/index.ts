/** denydoctor as a library: the engine without a subprocess. */
export { evaluateCase } from './evaluate-case.js'
export { evaluate, type EvaluateOptions } from './evaluate/index.js'
export { parsePolicy, PolicyInputError } from './policy/index.js'
export { CaseError } from './sources/case/case-error.js'
export * from './model/index.js'

/**
 * polycrit's numeric autodiff: tensors, reverse mode with exact Hessians, networks, optimizers
 * and the seed experiments. A separate stack beside the symbolic engine: nothing here imports the
 * algebra layers. Namespaced re-exports keep the two stacks' names apart.
 */
export * from './tensor';
export * as kernels from './kernels';
export * from './tape';
export * as ops from './ops';
export * from './grad';
export * from './hessian';
export * from './eigen';
export * from './random';
export * from './nn';
export * as losses from './losses';
export * from './optim';
export * from './lbfgs';
export * from './linalg';
export * from './plot';
export * as experiments from './experiments';

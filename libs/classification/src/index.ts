export { classifyText } from './classify-text';
export { MODEL_VERSION } from './model-version';
export { ClassifierModule } from './classifier.module';

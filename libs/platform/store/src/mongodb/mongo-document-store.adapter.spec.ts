import { describeWithRealInfrastructure, uniqueNamespace } from '@cxm/testing';
import mongoose from 'mongoose';
import { describeDocumentStoreContract } from '../contract/document-store.contract';
import { MongoDocumentStore } from './mongo-document-store.adapter';

jest.setTimeout(60_000);

describeWithRealInfrastructure('MongoDB document store', ({ mongodbUrl }) => {
  describeDocumentStoreContract('mongodb (MongoDB wire protocol)', () => {
    // One database per test: contract tests reopen the store over the same data.
    const uri = `${mongodbUrl.replace(/\/$/, '')}/${uniqueNamespace('store_').replace('.', '')}`;
    return {
      open: () => MongoDocumentStore.connect(uri),
      cleanup: async () => {
        const connection = await mongoose.createConnection(uri).asPromise();
        await connection.dropDatabase();
        await connection.close();
      },
    };
  });
});

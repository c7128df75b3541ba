import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { hello } from '@app/common';
@Module({})
class AppModule {}
async function main() {
  const app = await NestFactory.create(AppModule);
  await app.listen(3999);
  console.log(hello());
  await app.close();
}
void main();
